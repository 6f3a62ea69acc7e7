// Every outcome as a set of states it pays in. Results (home/draw/away) are one state space shared by
// three_way and double_chance, so legs of both markets combine; btts is a space of its own.
import type { Market, Outcome } from "../domain/Market.ts"

export type Space = "result" | "btts"

export const statesOf: { readonly [S in Space]: ReadonlyArray<string> } = {
  result: ["home", "draw", "away"],
  btts: ["yes", "no"]
}

export interface Slot {
  /** Position in `slots`: a dense index for per-outcome arrays. */
  readonly index: number
  readonly market: Market
  readonly outcome: Outcome
  readonly space: Space
  /** Bit mask over the states of `space` this outcome pays in. */
  readonly cover: number
}

const H = 1, D = 2, A = 4

export const slots: ReadonlyArray<Slot> = ([
  ["btts", "yes", "btts", 1],
  ["btts", "no", "btts", 2],
  ["three_way", "home", "result", H],
  ["three_way", "draw", "result", D],
  ["three_way", "away", "result", A],
  ["double_chance", "1X", "result", H | D],
  ["double_chance", "12", "result", H | A],
  ["double_chance", "X2", "result", D | A]
] as const).map(([market, outcome, space, cover], index) => ({ index, market, outcome, space, cover }))

const byMarket: { readonly [M in Market]: ReadonlyArray<Slot> } = {
  btts: slots.filter((s) => s.market === "btts"),
  three_way: slots.filter((s) => s.market === "three_way"),
  double_chance: slots.filter((s) => s.market === "double_chance")
}

const bySpace: { readonly [S in Space]: ReadonlyArray<Slot> } = {
  result: slots.filter((s) => s.space === "result"),
  btts: slots.filter((s) => s.space === "btts")
}

/** The slot of an outcome of a market; undefined when the outcome does not belong to the market. */
export const slotOf = (market: Market, outcome: Outcome): Slot | undefined =>
  byMarket[market].find((s) => s.outcome === outcome)

export const marketSlots = (market: Market): ReadonlyArray<Slot> => byMarket[market]

export const spaceSlots = (space: Space): ReadonlyArray<Slot> => bySpace[space]

/** How many outcomes of a market pay in each state: 1 for btts and three_way, 2 for double chance. */
export const coverage = (market: Market): number => {
  const own = marketSlots(market)
  const bits = own.reduce((n, s) => n + popcount(s.cover), 0)
  return bits / statesOf[own[0]!.space].length
}

const popcount = (mask: number): number => (mask === 0 ? 0 : (mask & 1) + popcount(mask >> 1))
