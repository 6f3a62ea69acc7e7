// One fixture re-priced against what is active on it: the pure step between loading its entries and
// publishing. The fixture's reference `<source>:<fixtureKey>` is what pricing names it by, so live and
// upcoming opportunities on the same match never share an id.
import type { DataSource, Market } from "../../domain/Market.ts"
import type { Fields } from "../../redis/RedisStore.ts"
import { priceFixture, type Rejections } from "../priceFixture.ts"
import type { Settings } from "../Settings.ts"
import { fixtureQuotes } from "./entryQuotes.ts"
import { type Diff, diff } from "./lifecycle.ts"
import { refresh, revise, type Tracked, track } from "./record.ts"

export interface FixtureId {
  readonly source: DataSource
  readonly fixtureKey: string
}

export const fixtureRef = (f: FixtureId): string => `${f.source}:${f.fixtureKey}`

export interface Evaluation {
  readonly diff: Diff<Tracked>
  readonly rejections: Rejections
  /** Bookmaker fields in the entries that did not decode. */
  readonly invalid: number
}

export const evaluateFixture = (
  fixture: FixtureId,
  entries: ReadonlyArray<readonly [Market, Fields]>,
  previous: ReadonlyArray<Tracked>,
  settings: Settings,
  now: number
): Evaluation => {
  const { quotes, name, events, invalid } = fixtureQuotes(entries)
  // The legs already reported keep their bookmakers while another only ties the price: no update for nothing.
  const incumbents = previous.flatMap((t) => t.opportunity.legs)
  const pricing = priceFixture(fixtureRef(fixture), quotes, settings, now, incumbents)
  const found = pricing.opportunities.map((o) => track(o, { ...fixture, name, events }, now))
  const { changes, active } = diff(previous, found, revise, refresh)
  return {
    // A gone opportunity is reported as of now, with the last prices it had.
    diff: { active, changes: changes.map((c) => (c.event === "gone" ? { ...c, opportunity: { ...c.opportunity, detectedAt: now } } : c)) },
    rejections: pricing.rejections,
    invalid
  }
}
