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

const byMarket: { readonly [M in Market]: Partial<Record<Outcome, Slot>> } = {
  btts: {},
  three_way: {},
  double_chance: {}
}
for (const slot of slots) byMarket[slot.market][slot.outcome] = slot

/** The slot of an outcome of a market; undefined when the outcome does not belong to the market. */
export const slotOf = (market: Market, outcome: Outcome): Slot | undefined =>
  Object.hasOwn(byMarket, market) && Object.hasOwn(byMarket[market], outcome) ? byMarket[market][outcome] : undefined

export const marketSlots = (market: Market): ReadonlyArray<Slot> => slots.filter((s) => s.market === market)

export const spaceSlots = (space: Space): ReadonlyArray<Slot> => slots.filter((s) => s.space === space)

/** How many outcomes of a market pay in each state: 1 for btts and three_way, 2 for double chance. */
export const coverage = (market: Market): number => {
  const own = marketSlots(market)
  const bits = own.reduce((n, s) => n + popcount(s.cover), 0)
  return bits / statesOf[own[0]!.space].length
}

const popcount = (mask: number): number => (mask === 0 ? 0 : (mask & 1) + popcount(mask >> 1))
