// Test helpers: the arbitrage and value checks of the simulator's promises, in plain arithmetic, over the
// events the BookView serves (what the bookmakers' APIs render), independent of how prices are made.
import { type Bookmaker, bookmakers, type Market, type Outcome, outcomesOf } from "../../src/domain/Market.ts"
import type { BookEvent, BookView } from "../../src/simulator/World.ts"

export interface Price {
  readonly bookmaker: Bookmaker
  readonly price: number
}

/** Every event any bookmaker serves for a source at `now`, grouped by fixture. */
export const byFixture = (view: BookView, source: "live" | "upcoming", now: Date, days: ReadonlyArray<number> = [0, 1, 2, 3, 4]) => {
  const fixtures = new Map<string, Array<{ readonly bookmaker: Bookmaker; readonly event: BookEvent }>>()
  for (const bookmaker of bookmakers) {
    for (const day of source === "live" ? [0] : days) {
      for (const event of view.events(bookmaker, source, day, now)) {
        const list = fixtures.get(event.fixtureId) ?? []
        list.push({ bookmaker, event })
        fixtures.set(event.fixtureId, list)
      }
    }
  }
  return fixtures
}

export type Listed = ReadonlyArray<{ readonly bookmaker: Bookmaker; readonly event: BookEvent }>

/** Best non-suspended price per market and outcome across bookmakers. */
export const bestPrices = (listed: Listed): Map<string, Price> => {
  const best = new Map<string, Price>()
  for (const { bookmaker, event } of listed) {
    for (const [market, prices] of Object.entries(event.markets)) {
      for (const [outcome, price] of Object.entries(prices ?? {})) {
        const key = `${market}/${outcome}`
        if (price !== null && price !== undefined && (best.get(key)?.price ?? 0) < price) best.set(key, { bookmaker, price })
      }
    }
  }
  return best
}

/** Every covering combination of best prices whose stakes could guarantee a profit, with its ROI. */
export const arbitrages = (best: Map<string, Price>): Array<{ readonly legs: string; readonly roi: number }> => {
  const inv = (key: string) => {
    const p = best.get(key)
    return p === undefined ? Number.POSITIVE_INFINITY : 1 / p.price
  }
  const combos: ReadonlyArray<readonly [string, ReadonlyArray<string>, number]> = [
    ["three_way", ["three_way/home", "three_way/draw", "three_way/away"], 1],
    ["btts", ["btts/yes", "btts/no"], 1],
    ["double_chance", ["double_chance/1X", "double_chance/12", "double_chance/X2"], 2],
    ["1 vs X2", ["three_way/home", "double_chance/X2"], 1],
    ["2 vs 1X", ["three_way/away", "double_chance/1X"], 1],
    ["X vs 12", ["three_way/draw", "double_chance/12"], 1]
  ]
  return combos.flatMap(([legs, keys, covers]) => {
    const total = keys.reduce((s, k) => s + inv(k), 0)
    return total < covers ? [{ legs, roi: covers / total - 1 }] : []
  })
}

/** Edge p·price − 1 of every price against the multiplicative de-vigged consensus of complete books. */
export const valueEdges = (listed: Listed): Array<{ readonly bookmaker: Bookmaker; readonly market: Market; readonly outcome: Outcome; readonly edge: number }> => {
  const out: Array<{ bookmaker: Bookmaker; market: Market; outcome: Outcome; edge: number }> = []
  for (const market of ["three_way", "btts", "double_chance"] as const) {
    const outcomes = outcomesOf[market]
    const covers = market === "double_chance" ? 2 : 1
    const fair: Array<Map<Outcome, number>> = []
    for (const { event } of listed) {
      const prices = event.markets[market]
      if (prices === undefined || outcomes.some((o) => prices[o] === null || prices[o] === undefined)) continue
      const total = outcomes.reduce((s, o) => s + 1 / prices[o]!, 0)
      fair.push(new Map(outcomes.map((o) => [o, (covers * (1 / prices[o]!)) / total])))
    }
    if (fair.length === 0) continue
    for (const { bookmaker, event } of listed) {
      for (const outcome of outcomes) {
        const price = event.markets[market]?.[outcome]
        if (price === null || price === undefined) continue
        const consensus = fair.reduce((s, f) => s + f.get(outcome)!, 0) / fair.length
        out.push({ bookmaker, market, outcome, edge: consensus * price - 1 })
      }
    }
  }
  return out
}
