// Markets, their outcomes, data sources and bookmaker names: the vocabulary every module shares.
import { Schema } from "effect"

export const Market = Schema.Literals(["btts", "three_way", "double_chance"])
export type Market = typeof Market.Type
export const markets: ReadonlyArray<Market> = Market.literals

export const DataSource = Schema.Literals(["live", "upcoming"])
export type DataSource = typeof DataSource.Type
export const dataSources: ReadonlyArray<DataSource> = DataSource.literals

export const BttsOutcome = Schema.Literals(["yes", "no"])
export const ThreeWayOutcome = Schema.Literals(["home", "draw", "away"])
export const DoubleChanceOutcome = Schema.Literals(["1X", "12", "X2"])
export const Outcome = Schema.Literals([...BttsOutcome.literals, ...ThreeWayOutcome.literals, ...DoubleChanceOutcome.literals])
export type Outcome = typeof Outcome.Type

export const outcomesOf: { readonly [M in Market]: ReadonlyArray<Outcome> } = {
  btts: BttsOutcome.literals,
  three_way: ThreeWayOutcome.literals,
  double_chance: DoubleChanceOutcome.literals
}

export const Bookmaker = Schema.Literals(["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta"])
export type Bookmaker = typeof Bookmaker.Type
export const bookmakers: ReadonlyArray<Bookmaker> = Bookmaker.literals

/** Case-insensitive lookup of a known bookmaker (`bookiedelta` → `BookieDelta`); undefined when unknown. */
export const canonicalBookmaker = (name: string): Bookmaker | undefined => {
  const lower = name.trim().toLowerCase()
  return bookmakers.find((b) => b.toLowerCase() === lower)
}
