// BookieDelta's wire format: event ids are listed per date (YYYY-MM-DD) or live, then markets are fetched
// for chunks of ids; outcome codes 1, X, 2, 1X, 12, X2, GG, NG with decimal numbers (0 = suspended),
// terse field names, kickoffs as "YYYY-MM-DD HH:MM:SS" UTC, live state as minute + "1:0".
// See docs/bookmakers/delta.md.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import { Price } from "../../domain/Quote.ts"
import { codec, compiled, SafeId, ScoreWire, SpaceSeparatedUtcWire } from "../codecs.ts"
import type { OutcomeCodes } from "../quote.ts"

/** Delta's `type` query values. */
export const deltaMarketTypes: { readonly [M in Market]: string } = { btts: "GGNG", three_way: "1X2", double_chance: "DC" }

/** Delta's outcome codes. */
export const deltaOutcomes: OutcomeCodes = {
  yes: "GG",
  no: "NG",
  home: "1",
  draw: "X",
  away: "2",
  "1X": "1X",
  "12": "12",
  X2: "X2"
}

/** Most ids Delta accepts in one markets request. */
export const deltaMaxIds = 100

/** Delta's live score, "1:0". */
export const deltaScoreSeparator = ":"

/** A decimal price above 1, or 0 for a suspended outcome. */
export const DeltaPriceWire = Schema.Finite.check(Schema.makeFilter(
  (v: number) => v === 0 || v > 1 || `Expected a price above 1, or 0 for suspended, got ${v}`,
  { expected: "a price above 1, or 0 for suspended" }
)).pipe(Schema.brand("DeltaPriceWire"))
export type DeltaPriceWire = typeof DeltaPriceWire.Type
/** The price, null when suspended. */
export const readDeltaPrice = (v: DeltaPriceWire): number | null => (v === 0 ? null : v)
export const DeltaPrice = codec(DeltaPriceWire, Schema.NullOr(Price), readDeltaPrice, (p) => (p ?? 0) as DeltaPriceWire)

/** GET /feed/events?date=YYYY-MM-DD | ?live=1; ids are decoded one by one (a bad id is skipped). */
export const DeltaIdList = compiled(Schema.Struct({
  date: Schema.NullOr(Schema.String),
  live: Schema.Boolean,
  ids: Schema.Array(Schema.Unknown)
}))
export type DeltaIdList = typeof DeltaIdList.Type

export const DeltaEvent = compiled(Schema.Struct({
  id: SafeId,
  t1: Schema.NonEmptyString,
  t2: Schema.NonEmptyString,
  ko: SpaceSeparatedUtcWire,
  lg: Schema.String,
  cn: Schema.String,
  st: Schema.optionalKey(Schema.Struct({ min: Schema.Int, sc: ScoreWire(deltaScoreSeparator) })),
  odds: Schema.Array(Schema.Struct({ c: Schema.String, v: DeltaPriceWire }))
}))
export type DeltaEvent = typeof DeltaEvent.Type

/** GET /feed/markets?ids=a,b,c&type=… */
export const DeltaMarketsPage = compiled(Schema.Struct({
  type: Schema.String,
  events: Schema.Array(Schema.Unknown)
}))
export type DeltaMarketsPage = typeof DeltaMarketsPage.Type
