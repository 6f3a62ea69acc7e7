// A small hand-made world for the bookmaker tests: two fixtures today (one without double chance, one
// with a suspended outcome), one in two days, one live; names with diacritics and affixes.
import type { Bookmaker, DataSource, Market, Outcome } from "../../../src/domain/Market.ts"
import type { BookEvent, BookView } from "../../../src/simulator/World.ts"

export const now = new Date("2024-05-01T12:00:00Z")

interface Fixture extends Omit<BookEvent, "eventId"> {
  readonly day: number | "live"
}

const fixtures: ReadonlyArray<Fixture> = [
  {
    fixtureId: "f1",
    day: 0,
    home: "Arsenal",
    away: "Chelsea",
    kickoff: "2024-05-01T18:45:00.000Z",
    league: "Premier League",
    country: "England",
    markets: {
      btts: { yes: 1.8, no: 2.0 },
      three_way: { home: 2.1, draw: 3.4, away: 3.6 },
      double_chance: { "1X": 1.3, "12": 1.35, X2: 1.75 }
    }
  },
  {
    fixtureId: "f2",
    day: 0,
    home: "Atlético Madrid",
    away: "Real Sociedad",
    kickoff: "2024-05-01T19:00:00.000Z",
    league: "La Liga",
    country: "España",
    markets: { btts: { yes: null, no: 1.91 }, three_way: { home: 1.5, draw: 4.2, away: 6.5 } }
  },
  {
    fixtureId: "f3",
    day: 2,
    home: "1. FC Köln",
    away: "FC St. Pauli",
    kickoff: "2024-05-03T13:30:00.000Z",
    league: "Bundesliga",
    country: "Deutschland",
    markets: {
      btts: { yes: 1.65, no: 2.2 },
      three_way: { home: 2.45, draw: null, away: 2.9 },
      double_chance: { "1X": 1.4, "12": 1.3, X2: 1.55 }
    }
  },
  {
    fixtureId: "f4",
    day: "live",
    home: "Ajax",
    away: "PSV Eindhoven",
    kickoff: "2024-05-01T10:45:00.000Z",
    league: "Eredivisie",
    country: "Netherlands",
    live: { minute: 67, homeScore: 2, awayScore: 1 },
    markets: {
      btts: { yes: 1.25, no: 3.75 },
      three_way: { home: 1.12, draw: 7.5, away: 21 },
      double_chance: { "1X": 1.01, "12": 1.05, X2: 5.5 }
    }
  }
]

export const eventIdOf = (bookmaker: Bookmaker, fixtureId: string) => `${bookmaker.slice(6).toLowerCase()}-${fixtureId}`

export const view: BookView = {
  events: (bookmaker, source, dayOffset) =>
    fixtures
      .filter((f) => (source === "live" ? f.day === "live" : f.day === dayOffset))
      .map(({ day: _day, ...f }) => ({ ...f, eventId: eventIdOf(bookmaker, f.fixtureId) }))
}

export interface Expected {
  readonly eventId: string
  readonly home: string
  readonly away: string
  readonly kickoff: string
  readonly league: string
  readonly country: string
  readonly prices: Partial<Record<Outcome, number | null>>
  readonly live?: BookEvent["live"]
}

/** What a bookmaker's quotes for (market, source, day) must say at `at`, read straight from a view. */
export const expectedQuotes = (
  from: BookView,
  at: Date,
  bookmaker: Bookmaker,
  market: Market,
  source: DataSource,
  day: number
): ReadonlyArray<Expected> =>
  from.events(bookmaker, source, day, at).flatMap((e) => {
    const prices = e.markets[market]
    return prices === undefined
      ? []
      : [{
        eventId: e.eventId,
        home: e.home,
        away: e.away,
        kickoff: e.kickoff,
        league: e.league,
        country: e.country,
        prices,
        ...(e.live === undefined ? {} : { live: e.live })
      }]
  })

/** `count` events today spread over `leagues` leagues, every market priced: for fan-out and chunking tests. */
export const crowdedView = (count: number, leagues: number): BookView => ({
  events: (bookmaker, source, dayOffset) =>
    source === "live" || dayOffset !== 0
      ? []
      : Array.from({ length: count }, (_, i) => ({
        fixtureId: `c${i}`,
        eventId: eventIdOf(bookmaker, `c${i}`),
        home: `Home ${i}`,
        away: `Away ${i}`,
        kickoff: new Date(now.getTime() + (i + 1) * 60_000).toISOString(),
        league: `League ${i % leagues}`,
        country: "Testland",
        markets: {
          btts: { yes: 1.9, no: 1.9 },
          three_way: { home: 2.5, draw: 3.2, away: 2.8 },
          double_chance: { "1X": 1.4, "12": 1.3, X2: 1.5 }
        }
      }))
})
