// BookieGamma's wire format: a market catalogue maps market types to Gamma's own market ids; fixtures are
// then requested per market id and day (or in-play); fractional prices ("5/4", "evs"), kickoffs in epoch
// seconds, live state as elapsed minutes + [home, away] goals, suspended = null price.
// See docs/bookmakers/gamma.md.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import { compiled, EpochSecondsWire, FractionalWire, SafeId } from "../codecs.ts"
import type { OutcomeCodes } from "../quote.ts"

/** The catalogue's `type` for each market. */
export const gammaMarketTypes: { readonly [M in Market]: string } = {
  btts: "BOTH_TEAMS_TO_SCORE",
  three_way: "MATCH_ODDS",
  double_chance: "DOUBLE_CHANCE"
}

/** Gamma's selection keys. */
export const gammaOutcomes: OutcomeCodes = {
  yes: "YES",
  no: "NO",
  home: "HOME",
  draw: "DRAW",
  away: "AWAY",
  "1X": "HOME_DRAW",
  "12": "HOME_AWAY",
  X2: "DRAW_AWAY"
}

const MarketId = Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))

/** GET /api/v2/catalogue */
export const GammaCatalogue = compiled(Schema.Struct({
  sport: Schema.Literal("football"),
  markets: Schema.Array(Schema.Struct({ id: MarketId, type: Schema.String, label: Schema.String }))
}))
export type GammaCatalogue = typeof GammaCatalogue.Type

export const GammaFixture = compiled(Schema.Struct({
  ref: SafeId,
  participants: Schema.Struct({
    home: Schema.Struct({ name: Schema.NonEmptyString }),
    away: Schema.Struct({ name: Schema.NonEmptyString })
  }),
  kickOff: EpochSecondsWire,
  tournament: Schema.Struct({ title: Schema.String, region: Schema.String }),
  clock: Schema.optionalKey(Schema.Struct({ elapsed: Schema.Int, goals: Schema.Tuple([Schema.Int, Schema.Int]) })),
  book: Schema.Struct({
    marketId: MarketId,
    selections: Schema.Array(Schema.Struct({ key: Schema.String, price: Schema.NullOr(FractionalWire) }))
  })
}))
export type GammaFixture = typeof GammaFixture.Type

/** GET /api/v2/fixtures?day=…&marketId=… and GET /api/v2/inplay?marketId=… (day: null). */
export const GammaFixturesPage = compiled(Schema.Struct({
  marketId: MarketId,
  day: Schema.NullOr(Schema.Int),
  fixtures: Schema.Array(Schema.Unknown)
}))
export type GammaFixturesPage = typeof GammaFixturesPage.Type
