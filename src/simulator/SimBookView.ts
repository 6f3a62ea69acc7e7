// The BookView over the simulated world: what one bookmaker lists for a source at an instant, with its own
// ids, names, kickoffs and prices. Each bookmaker's simulated API renders these events in its wire format.
import type { Bookmaker, DataSource, Market } from "../domain/Market.ts"
import { liveState, longestMatchMs } from "./LiveClock.ts"
import { leagueName } from "./Naming.ts"
import { marketPrices } from "./Quotes.ts"
import { type Listing, utcDay, type World } from "./SimWorld.ts"
import type { BookEvent, BookView } from "./World.ts"

/**
 * The event's markets, each priced on first read: an API renders one market per request and Beta one
 * tournament's events, so pricing every market of every listed event per request would be wasted (with
 * Beta's fan-out, once per tournament). Prices are a pure function of the arguments, so reading later is
 * the same as pricing now; each market of the listing prices to a defined value (a live listing is only
 * built while in play), so the markets present are the same as when they were priced at once.
 */
const lazyMarkets = (world: World, listing: Listing, source: DataSource, nowMs: number): BookEvent["markets"] => {
  const markets: { [M in Market]?: NonNullable<ReturnType<typeof marketPrices>> } = {}
  for (const market of listing.markets) {
    let priced: ReturnType<typeof marketPrices> | null = null // null: not priced yet
    Object.defineProperty(markets, market, {
      enumerable: true,
      get: () => (priced === null ? (priced = marketPrices(world, listing, market, source, nowMs)) : priced)
    })
  }
  return markets
}

type FixedParts = Omit<BookEvent, "live" | "markets">

// A listing's ids, names, kickoff and league never change: built once per listing, not per request (Beta
// builds the whole period's events for each tournament page it serves).
const fixedParts = new WeakMap<Listing, FixedParts>()

const fixedOf = (world: World, listing: Listing): FixedParts => {
  let fixed = fixedParts.get(listing)
  if (fixed === undefined) {
    const { fixture, bookmaker } = listing
    const names = world.names[bookmaker]
    fixedParts.set(
      listing,
      fixed = {
        fixtureId: fixture.id,
        eventId: listing.eventId,
        home: names[fixture.home.id]!,
        away: names[fixture.away.id]!,
        kickoff: new Date(listing.kickoffMs).toISOString(),
        league: leagueName(bookmaker, fixture.league.name),
        country: fixture.league.country
      }
    )
  }
  return fixed
}

const toEvent = (world: World, listing: Listing, source: DataSource, nowMs: number): BookEvent => {
  const live = source === "live" ? liveState(listing.fixture.script, nowMs) : undefined
  return {
    ...fixedOf(world, listing),
    ...(live === undefined ? {} : { live: { minute: live.minute, homeScore: live.homeScore, awayScore: live.awayScore } }),
    markets: lazyMarkets(world, listing, source, nowMs)
  }
}

/** Index of the first fixture kicking off at or after `ms` (fixtures are sorted by kickoff). */
const firstFrom = (world: World, ms: number): number => {
  let lo = 0
  let hi = world.fixtures.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (world.fixtures[mid]!.kickoffMs < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Listings of a bookmaker in play at `nowMs`. */
const inPlay = (world: World, bookmaker: Bookmaker, nowMs: number): Array<Listing> => {
  const out: Array<Listing> = []
  for (let i = firstFrom(world, nowMs - longestMatchMs); i < world.fixtures.length; i++) {
    const fixture = world.fixtures[i]!
    if (fixture.kickoffMs > nowMs) break
    const listing = world.listings[bookmaker][i]
    if (listing !== undefined && liveState(fixture.script, nowMs) !== undefined) out.push(listing)
  }
  return out
}

/** Pre-match listings of a bookmaker whose own kickoff falls on UTC day today + `dayOffset` and has not kicked off. */
const upcoming = (world: World, bookmaker: Bookmaker, dayOffset: number, nowMs: number): ReadonlyArray<Listing> =>
  (world.byDay[bookmaker].get(utcDay(nowMs) + dayOffset) ?? []).filter((l) => l.fixture.kickoffMs > nowMs)

export const bookView = (world: World): BookView => ({
  events: (bookmaker, source, dayOffset, now) => {
    const nowMs = now.getTime()
    const listings = source === "live" ? inPlay(world, bookmaker, nowMs) : upcoming(world, bookmaker, dayOffset, nowMs)
    return listings.map((l) => toEvent(world, l, source, nowMs))
  }
})
