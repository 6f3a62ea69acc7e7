// Injected mispricings: on a few pre-match fixtures, one bookmaker's price for one outcome is raised so
// that, with the best prices of the other bookmakers on the complementary outcomes, a clear arbitrage
// exists (ROI 2–10 %). The raised price never exceeds 1.2 × fair, which bounds the return of ANY combination
// of legs on that fixture by 20 % (the true probabilities are the certificate), under a 25 % sanity cap.
import { Schema } from "effect"
import { Bookmaker, bookmakers, Market, type Market as MarketT, Outcome, outcomesOf, type Outcome as OutcomeT } from "../domain/Market.ts"
import { outcomeProbability } from "./Probabilities.ts"
import { Rng } from "./Prng.ts"
import { bookPrices, trueProbabilities } from "./Quotes.ts"
import type { Fixture, World } from "./SimWorld.ts"

export const Leg = Schema.Struct({ bookmaker: Bookmaker, market: Market, outcome: Outcome, price: Schema.Number })
export type Leg = typeof Leg.Type

export const Mispricing = Schema.Struct({
  kind: Schema.Literals(["arbitrage"]),
  fixtureId: Schema.String,
  bookmaker: Bookmaker,
  eventId: Schema.String,
  market: Market,
  outcome: Outcome,
  /** The injected (decimal) price, and the true fair price 1/p of the outcome. */
  price: Schema.Number,
  fairPrice: Schema.Number,
  /** Return of the arbitrage it was built for: this price against `legs`. */
  roi: Schema.Number,
  /** The complementary legs: best prices of any bookmaker on the outcomes that cover the other states. */
  legs: Schema.Array(Leg)
})
export type Mispricing = typeof Mispricing.Type

/** The outcomes that, with `outcome`, cover every result exactly once. */
const complement = (market: MarketT, outcome: OutcomeT): ReadonlyArray<{ readonly market: MarketT; readonly outcome: OutcomeT }> => {
  if (market !== "double_chance") return outcomesOf[market].filter((o) => o !== outcome).map((o) => ({ market, outcome: o }))
  const missing: OutcomeT = outcome === "1X" ? "away" : outcome === "12" ? "draw" : "home"
  return [{ market: "three_way", outcome: missing }]
}

/** Injected fixtures kick off at least this long after the anchor, so they stay pre-match through a run. */
const minLeadMs = 3 * 3_600_000
const maxEdge = 1.2
const minRoi = 0.02

const floor2 = (x: number): number => Math.floor(x * 100) / 100
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

const bestLeg = (world: World, fixture: Fixture, market: MarketT, outcome: OutcomeT): Leg | undefined => {
  let best: Leg | undefined
  for (const bookmaker of bookmakers) {
    const listing = world.listings[bookmaker][fixture.index]
    if (listing === undefined || !listing.markets.includes(market)) continue
    const price = bookPrices(world, listing, market)[outcome]
    if (price !== null && (best === undefined || price > best.price)) best = { bookmaker, market, outcome, price }
  }
  return best
}

const tryInject = (world: World, rng: Rng, fixture: Fixture): Mispricing | undefined => {
  const market = rng.pick<MarketT>(["three_way", "three_way", "btts", "double_chance"])
  const outcome = rng.pick(outcomesOf[market])
  const offering = bookmakers.filter((b) => world.listings[b][fixture.index]?.markets.includes(market))
  if (offering.length < 3) return undefined
  const bookmaker = rng.pick(offering)
  const listing = world.listings[bookmaker][fixture.index]!
  const legs = complement(market, outcome).map((c) => bestLeg(world, fixture, c.market, c.outcome))
  if (legs.some((l) => l === undefined)) return undefined
  const others = legs.reduce((s, l) => s + 1 / l!.price, 0)
  const p = outcomeProbability(trueProbabilities(fixture), outcome)
  const target = rng.between(0.03, 0.1)
  const wanted = 1 / (1 / (1 + target) - others)
  const price = floor2(Math.min(wanted > 0 ? wanted : Infinity, maxEdge / p))
  const roi = 1 / (1 / price + others) - 1
  const current = bookPrices(world, listing, market)[outcome]
  if (roi < minRoi || current === null || price <= current) return undefined
  return {
    kind: "arbitrage", fixtureId: fixture.id, bookmaker, eventId: listing.eventId, market, outcome, price,
    fairPrice: round(1 / p, 4), roi: round(roi, 4), legs: legs as ReadonlyArray<Leg>
  }
}

/** Up to `count` mispricings on distinct pre-match fixtures, chosen by the seed. */
export const injectMispricings = (world: World, count: number): ReadonlyArray<Mispricing> => {
  const rng = new Rng(world.options.seed, "mispricings")
  const earliest = world.options.anchor.getTime() + minLeadMs
  const injected: Array<Mispricing> = []
  for (const fixture of rng.shuffle(world.fixtures.filter((f) => f.kickoffMs >= earliest))) {
    if (injected.length >= count) break
    const m = tryInject(world, rng, fixture)
    if (m !== undefined) injected.push(m)
  }
  return injected
}
