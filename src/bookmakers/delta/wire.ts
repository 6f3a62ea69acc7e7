// BookieDelta's wire format: event ids are listed per date (YYYY-MM-DD) or live, then markets are fetched
// for chunks of ids; outcome codes 1, X, 2, 1X, 12, X2, GG, NG with decimal numbers (0 = suspended),
// terse field names, kickoffs as "YYYY-MM-DD HH:MM:SS" UTC, live state as minute + "1:0".
// See docs/bookmakers/delta.md.
import { Schema, SchemaTransformation } from "effect"
import type { Market } from "../../domain/Market.ts"
import { Price } from "../../domain/Quote.ts"
import { SafeId, Score, SpaceSeparatedUtc } from "../codecs.ts"
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

/** A decimal number; 0 marks a suspended outcome. */
const DeltaPrice = Schema.Finite.pipe(Schema.decodeTo(
  Schema.NullOr(Price),
  SchemaTransformation.transform({ decode: (v: number) => (v === 0 ? null : v), encode: (p: number | null) => p ?? 0 })
))

/** GET /feed/events?date=YYYY-MM-DD | ?live=1; ids are decoded one by one (a bad id is skipped). */
export const DeltaIdList = Schema.Struct({
  date: Schema.NullOr(Schema.String),
  live: Schema.Boolean,
  ids: Schema.Array(Schema.Unknown)
})
export type DeltaIdList = typeof DeltaIdList.Type

export const DeltaEvent = Schema.Struct({
  id: SafeId,
  t1: Schema.NonEmptyString,
  t2: Schema.NonEmptyString,
  ko: SpaceSeparatedUtc,
  lg: Schema.String,
  cn: Schema.String,
  st: Schema.optionalKey(Schema.Struct({ min: Schema.Int, sc: Score(":") })),
  odds: Schema.Array(Schema.Struct({ c: Schema.String, v: DeltaPrice }))
})
export type DeltaEvent = typeof DeltaEvent.Type

/** GET /feed/markets?ids=a,b,c&type=… */
export const DeltaMarketsPage = Schema.Struct({
  type: Schema.String,
  events: Schema.Array(Schema.Unknown)
})
export type DeltaMarketsPage = typeof DeltaMarketsPage.Type
