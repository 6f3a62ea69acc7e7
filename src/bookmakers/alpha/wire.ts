// BookieAlpha's wire format: one request per (market, period), markets nested in events, decimal prices
// as strings, ISO-8601 UTC kickoffs, live state as minute + "1-0" score. See docs/bookmakers/alpha.md.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import { compiled, DecimalWire, IsoInstantWire, SafeId, ScoreWire } from "../codecs.ts"
import type { OutcomeCodes } from "../quote.ts"

/** Alpha's `market` query values. */
export const alphaMarketCodes: { readonly [M in Market]: string } = { btts: "BTTS", three_way: "1X2", double_chance: "DC" }

/** Alpha's selection names. */
export const alphaOutcomes: OutcomeCodes = {
  yes: "Yes",
  no: "No",
  home: "Home",
  draw: "Draw",
  away: "Away",
  "1X": "Home or Draw",
  "12": "Home or Away",
  X2: "Draw or Away"
}

/** A suspended selection keeps its name but has no odds. */
export const AlphaSelection = Schema.Struct({
  name: Schema.String,
  odds: Schema.optionalKey(DecimalWire),
  suspended: Schema.Boolean
})
export type AlphaSelection = typeof AlphaSelection.Type

export const AlphaMarket = Schema.Struct({
  type: Schema.String,
  selections: Schema.Array(AlphaSelection)
})

/** Alpha's live score, "1-0". */
export const alphaScoreSeparator = "-"

export const AlphaEvent = compiled(Schema.Struct({
  id: SafeId,
  home_team: Schema.NonEmptyString,
  away_team: Schema.NonEmptyString,
  start_time: IsoInstantWire,
  competition: Schema.Struct({ name: Schema.String, country: Schema.String }),
  in_play: Schema.NullOr(Schema.Struct({ minute: Schema.Int, score: ScoreWire(alphaScoreSeparator) })),
  markets: Schema.Array(AlphaMarket)
}))
export type AlphaEvent = typeof AlphaEvent.Type

/** GET /v1/events?market=…&period=…; events are decoded one by one (see normalise.ts). */
export const AlphaEventsPage = compiled(Schema.Struct({
  success: Schema.Literal(true),
  period: Schema.Int,
  market: Schema.String,
  data: Schema.Array(Schema.Unknown)
}))
export type AlphaEventsPage = typeof AlphaEventsPage.Type

/** What Alpha answers instead when a request is wrong (still HTTP 200). */
export interface AlphaErrorBody {
  readonly success: false
  readonly error: string
}
