// Each bookmaker's prices for one listing at one instant, derived from the world and the clock alone.
// Pre-match prices are fixed per (fixture, bookmaker, market, outcome) apart from short suspensions; in play
// they follow the score and the minutes left, change once a minute and are suspended around goals.
import { type DataSource, type Market, type Outcome, outcomesOf } from "../domain/Market.ts"
import { liveState, type LiveState, nearGoal } from "./LiveClock.ts"
import { finalProbabilities, outcomeProbability, type Probabilities } from "./Probabilities.ts"
import { bookPrice, liveMargin, noise } from "./Prices.ts"
import { unit } from "./Prng.ts"
import type { Fixture, Listing, World } from "./SimWorld.ts"

export type MarketPrices = Partial<Record<Outcome, number | null>>

/** True probabilities before kickoff, or given the state of play. */
export const trueProbabilities = (fixture: Fixture, live?: LiveState): Probabilities =>
  live === undefined
    ? finalProbabilities(fixture.expected)
    : finalProbabilities(
      { home: (fixture.expected.home * (90 - live.played)) / 90, away: (fixture.expected.away * (90 - live.played)) / 90 },
      { home: live.homeScore, away: live.awayScore }
    )

/** The book's prices from the true probabilities (pre-match, or in play at `live`), before suspensions and injections. */
export const bookPrices = (world: World, listing: Listing, market: Market, live?: LiveState): Record<Outcome, number | null> => {
  const { fixture, bookmaker } = listing
  const p = trueProbabilities(fixture, live)
  const margin = live === undefined ? world.margins[bookmaker][market] : liveMargin(world.margins[bookmaker][market])
  const scale = live === undefined ? noise.upcoming : noise.live
  return Object.fromEntries(outcomesOf[market].map((o) => {
    const n = scale * (2 * unit(world.options.seed, fixture.id, bookmaker, market, o, live?.played ?? "pre") - 1)
    return [o, bookPrice(outcomeProbability(p, o), margin, n)]
  })) as Record<Outcome, number | null>
}

const suspensionWindowMs = 10 * 60_000
const suspensionRate = 0.01

/** Pre-match, now and then one outcome is suspended for a ten-minute window. */
const suspendedOutcome = (world: World, listing: Listing, market: Market, nowMs: number): Outcome | undefined => {
  const key = [world.options.seed, listing.fixture.id, listing.bookmaker, market, Math.floor(nowMs / suspensionWindowMs)] as const
  if (unit(...key, "suspend") >= suspensionRate) return undefined
  const outcomes = outcomesOf[market]
  return outcomes[Math.floor(unit(...key, "which") * outcomes.length)]
}

/**
 * What the bookmaker shows for a market of a listing at `nowMs`, from its pre-match (`upcoming`) or in-play
 * (`live`) book; undefined when it does not offer the market for this fixture. Null prices are suspended.
 */
export const marketPrices = (world: World, listing: Listing, market: Market, source: DataSource, nowMs: number): MarketPrices | undefined => {
  if (!listing.markets.includes(market)) return undefined
  if (source === "live") {
    const live = liveState(listing.fixture.script, nowMs)
    if (live === undefined) return undefined
    if (nearGoal(listing.fixture.script, live.played)) return Object.fromEntries(outcomesOf[market].map((o) => [o, null]))
    return bookPrices(world, listing, market, live)
  }
  const prices = bookPrices(world, listing, market)
  const injected = world.mispricings.filter((m) => m.fixtureId === listing.fixture.id)
  // An injected fixture is never suspended: its mispricing stays visible while the fixture is listed.
  if (injected.length > 0) {
    const boost = injected.find((m) => m.bookmaker === listing.bookmaker && m.market === market)
    return boost === undefined ? prices : { ...prices, [boost.outcome]: boost.price }
  }
  const suspended = suspendedOutcome(world, listing, market, nowMs)
  return suspended === undefined ? prices : { ...prices, [suspended]: null }
}
