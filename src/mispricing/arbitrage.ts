// Sure bets: a split of stakes over the best prices that pays more than the total staked whatever happens.
// Each market alone (btts, three_way, double_chance), and the best split over all result legs of both
// result markets together (1 vs X2, 2 vs 1X, X vs 12 and any mix), found by the exact programme in lp.ts.
import { type Market, markets } from "../domain/Market.ts"
import { type BookQuote, legOf } from "./book.ts"
import type { CandidateGroup } from "./candidate.ts"
import { dualBound, equalPayout, type LpSolution, maxMinReturn } from "./lp.ts"
import { type Arbitrage, opportunityId, opportunityOf } from "./Opportunity.ts"
import { marketSlots, type Space, spaceSlots, statesOf } from "./outcomes.ts"
import type { Settings } from "./Settings.ts"
import { planStakes } from "./stakes.ts"

/** Returns closer to break-even than this are floating-point noise, not arbitrage (fair books give t = 1). */
export const breakEvenTolerance = 1e-9

const lpLegs = (quotes: ReadonlyArray<BookQuote>) => quotes.map((q) => ({ cover: q.slot.cover, price: q.effective }))

/** The equal-payout split over one market's best prices, arbitrage or not; undefined if an outcome is unpriced. */
const marketReturn = (best: ReadonlyArray<BookQuote | undefined>, market: Market) => {
  const own = marketSlots(market)
  const quotes = own.map((s) => best[s.index])
  if (!quotes.every((q) => q !== undefined)) return undefined
  const solution = equalPayout(lpLegs(quotes), statesOf[own[0]!.space].length)
  return solution && { quotes, solution }
}

/** The best guaranteed split over every result leg of three_way and double_chance; undefined if none covers. */
const resultReturn = (best: ReadonlyArray<BookQuote | undefined>) => {
  const quotes = spaceSlots("result").flatMap((s) => best[s.index] ?? [])
  const solution = maxMinReturn(lpLegs(quotes), statesOf.result.length)
  return solution && { quotes, solution }
}

/**
 * Whether the result legs certainly hold no arbitrage, proved cheaply: the best three_way prices' implied
 * probabilities, normalised, are a distribution whose dual bound is at most break-even. Most fixtures are
 * settled by this and never need the full enumeration.
 */
const resultCertainlyFair = (best: ReadonlyArray<BookQuote | undefined>): boolean => {
  const threeWay = marketSlots("three_way").map((s) => best[s.index])
  if (!threeWay.every((q) => q !== undefined)) return false
  const implied = threeWay.map((q) => 1 / q.effective)
  const total = implied.reduce((a, b) => a + b, 0)
  const quotes = spaceSlots("result").flatMap((s) => best[s.index] ?? [])
  return dualBound(lpLegs(quotes), implied.map((q) => q / total)) <= 1 + breakEvenTolerance
}

const build = (
  fixture: string,
  space: Space,
  quotes: ReadonlyArray<BookQuote>,
  weights: ReadonlyArray<number>,
  ret: number,
  settings: Settings
): Arbitrage => {
  const states = statesOf[space]
  const plan = planStakes(
    quotes.map((q) => ({ cover: q.slot.cover, effective: q.effective })),
    weights,
    states.length,
    settings.bankroll,
    settings.unit
  )
  return {
    ...opportunityOf("arbitrage", fixture, quotes.map((q, j) => legOf(q, plan.stakes[j]!))),
    roi: ret - 1,
    staked: plan.staked,
    payouts: Object.fromEntries(states.map((s, i) => [s, plan.payouts[i]!])),
    profit: plan.profit
  }
}

/** Every arbitrage over a fixture's best prices, one group per distinct leg set. */
export const arbitrageCandidates = (
  fixture: string,
  best: ReadonlyArray<BookQuote | undefined>,
  settings: Settings
): Array<CandidateGroup> => {
  const found = new Map<string, CandidateGroup>()
  const add = (space: Space, quotes: ReadonlyArray<BookQuote>, solution: LpSolution) => {
    if (solution.ret <= 1 + breakEvenTolerance) return
    const support = quotes.flatMap((q, j) => (solution.weights[j]! > 0 ? [j] : []))
    const legs = support.map((j) => quotes[j]!)
    const weights = support.map((j) => solution.weights[j]!)
    const id = opportunityId("arbitrage", fixture, legs.map((q) => q.slot))
    if (!found.has(id)) {
      found.set(id, [{ id, legs, ret: solution.ret - 1, make: () => build(fixture, space, legs, weights, solution.ret, settings) }])
    }
  }
  for (const market of markets) {
    const within = marketReturn(best, market)
    if (within) add(marketSlots(market)[0]!.space, within.quotes, within.solution)
  }
  const across = resultCertainlyFair(best) ? undefined : resultReturn(best)
  if (across) add("result", across.quotes, across.solution)
  return [...found.values()]
}
