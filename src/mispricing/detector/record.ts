// What the detector keeps about an active opportunity (in memory and in its Redis hash), and the Schema
// that reads it back from Redis.
import { Schema } from "effect"
import { DataSource, Market, Outcome } from "../../domain/Market.ts"
import type { Opportunity } from "../Opportunity.ts"

const Leg = Schema.Struct({
  bookmaker: Schema.String,
  market: Market,
  outcome: Outcome,
  price: Schema.Finite,
  stake: Schema.Finite,
  fetchedAt: Schema.Finite
})

const common = {
  id: Schema.String,
  signature: Schema.String,
  fixture: Schema.String,
  markets: Schema.Array(Market),
  legs: Schema.Array(Leg)
}

/** Pricing's Opportunity, as a Schema (the check below keeps the two in step). */
export const OpportunitySchema = Schema.Union([
  Schema.Struct({
    ...common,
    kind: Schema.Literal("arbitrage"),
    roi: Schema.Finite,
    staked: Schema.Finite,
    payouts: Schema.Record(Schema.String, Schema.Finite),
    profit: Schema.Finite
  }),
  Schema.Struct({
    ...common,
    kind: Schema.Literal("value"),
    edge: Schema.Finite,
    probability: Schema.Finite,
    reference: Schema.String,
    referenceBooks: Schema.optionalKey(Schema.Array(Schema.Struct({ bookmaker: Schema.String, market: Market, fetchedAt: Schema.Finite })))
  })
])
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// Required<…> too: an optional field missing from one side would otherwise still compare as the same type.
const inStep: Same<Required<typeof OpportunitySchema.Type>, Required<Opportunity>> = true
void inStep

export const Tracked = Schema.Struct({
  /** The opportunity's id and signature, at top level for the lifecycle diff. */
  id: Schema.String,
  signature: Schema.String,
  source: DataSource,
  fixtureKey: Schema.String,
  name: Schema.optionalKey(Schema.String),
  /** The event id of each of the fixture's bookmakers (not only the legs'), as their quotes carry it. */
  events: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  /** Epoch ms it was first seen (kept across updates) and of its latest version. */
  since: Schema.Finite,
  detectedAt: Schema.Finite,
  opportunity: OpportunitySchema
})
export type Tracked = typeof Tracked.Type

export const TrackedJson = Schema.fromJsonString(Tracked)

export const track = (
  opportunity: Opportunity,
  fixture: {
    readonly source: DataSource
    readonly fixtureKey: string
    readonly name: string | undefined
    readonly events?: Readonly<Record<string, string>>
  },
  now: number
): Tracked => ({
  id: opportunity.id,
  signature: opportunity.signature,
  source: fixture.source,
  fixtureKey: fixture.fixtureKey,
  ...(fixture.name === undefined ? {} : { name: fixture.name }),
  ...(fixture.events === undefined ? {} : { events: fixture.events }),
  since: now,
  detectedAt: now,
  opportunity
})

/** An updated opportunity keeps the time it was first seen. */
export const revise = (old: Tracked, found: Tracked): Tracked => ({ ...found, since: old.since })

/**
 * Found again unchanged (same bookmakers, prices and stakes): the active version takes its legs' and its
 * reference books' newer fetch times, so their ages (in the view, and in a later `gone` event) are true;
 * nothing is published for it.
 */
export const refresh = (old: Tracked, found: Tracked): Tracked => {
  const o = found.opportunity
  return {
    ...old,
    opportunity: {
      ...old.opportunity,
      legs: o.legs,
      ...(o.kind === "value" && o.referenceBooks !== undefined ? { referenceBooks: o.referenceBooks } : {})
    }
  }
}
