// The Redis commands that publish a lifecycle change, and the fields of an `opportunities` stream entry.
// Publication is idempotent: `publishOnce` keyed on the opportunity's hash only appends to the stream when
// the (event, signature) pair differs from the last one published, so a redelivered matched message, a
// retried write or a restarted detector never publishes the same event twice.
import { Schema } from "effect"
import type { Command, Fields } from "../../redis/RedisStore.ts"
import { activeOpportunities, opportunitiesStream, opportunityKey } from "../../redis/keys.ts"
import type { Change, LifecycleEvent } from "./lifecycle.ts"
import { ageAt, returnOf } from "../Opportunity.ts"
import { type Tracked, TrackedJson } from "./record.ts"

const encodeTracked = Schema.encodeSync(TrackedJson)

/** What an event is and which opportunity and fixture it is about: the first fields of every form it is shown in. */
export const eventHeader = (event: LifecycleEvent, t: Tracked) => ({
  event,
  kind: t.opportunity.kind,
  id: t.id,
  source: t.source,
  fixture: t.fixtureKey,
  ...(t.name === undefined ? {} : { fixture_name: t.name })
})

/** The fields of one `opportunities` stream entry. Leg and reference book ages are measured at `at`, the event's time. */
export const eventFields = (event: LifecycleEvent, t: Tracked, at: number): Fields => {
  const o = t.opportunity
  return {
    ...eventHeader(event, t),
    markets: o.markets.join(","),
    legs: JSON.stringify(o.legs.map((l) => ({
      bookmaker: l.bookmaker,
      market: l.market,
      outcome: l.outcome,
      price: l.price,
      stake: l.stake,
      age_ms: ageAt(l.fetchedAt, at)
    }))),
    ...(o.kind === "arbitrage"
      ? { roi: String(o.roi), staked: String(o.staked), profit: String(o.profit) }
      : {
        edge: String(o.edge),
        probability: String(o.probability),
        reference: o.reference,
        ...(o.referenceBooks === undefined ? {} : {
          reference_books: JSON.stringify(o.referenceBooks.map((b) => ({
            bookmaker: b.bookmaker,
            market: b.market,
            age_ms: ageAt(b.fetchedAt, at)
          })))
        })
      }),
    detected_at: new Date(at).toISOString(),
    since: new Date(t.since).toISOString()
  }
}

export interface PublicationLimits {
  readonly opportunitiesMaxLen: number
  /** How long an opportunity's hash outlives its last change (seconds). */
  readonly recordTtlSeconds: number
}

/** Publish-once of the event, the hash's lifetime, and the active set (ranked by return) kept in step. */
export const changeCommands = (change: Change<Tracked>, at: number, limits: PublicationLimits): ReadonlyArray<Command> => {
  const { event, opportunity: t } = change
  const key = opportunityKey(t.id)
  return [
    {
      op: "publishOnce",
      key,
      sigField: "sig",
      sig: `${event}:${t.signature}`,
      also: { event, record: encodeTracked(t) },
      stream: opportunitiesStream,
      fields: eventFields(event, t, at),
      cap: { maxLen: limits.opportunitiesMaxLen }
    },
    { op: "expire", key, seconds: limits.recordTtlSeconds },
    event === "gone"
      ? { op: "zrem", key: activeOpportunities, members: [t.id] }
      : { op: "zadd", key: activeOpportunities, members: [[returnOf(t.opportunity), t.id]] }
  ]
}
