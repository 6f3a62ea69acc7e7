// What the simulator's ground truth says the workers must match for one job stream (source × market): the
// fixtures that at least the market's threshold of distinct bookmakers list in one period, read from the same
// BookView, at the same instant, that the simulator renders for the extractors.
import { offered } from "../../src/bookmakers/render.ts"
import type { Bookmaker, DataSource, Market } from "../../src/domain/Market.ts"
import { outcomesOf } from "../../src/domain/Market.ts"
import { periodsFor } from "../../src/domain/Period.ts"
import type { BookEvent, BookView } from "../../src/simulator/World.ts"
import { byFixture } from "../simulator/books.ts"

/**
 * Whether an extractor keeps the event for the market: only with every outcome of the market, priced or
 * suspended (src/bookmakers/quote.ts, `quoteOf`); the simulated APIs render exactly the outcomes `offered`.
 */
export const listsMarket = (event: BookEvent, market: Market): boolean =>
  offered(event, market)?.length === outcomesOf[market].length

export interface Listed {
  /** The job's canonical period (`live`, `0` … `4`): the matching fold groups quotes by it. */
  readonly period: string
  readonly fixtureId: string
  readonly bookmakers: ReadonlySet<Bookmaker>
}

/** Per period and fixture, the bookmakers that list `market` for `source` at `now`. */
export const listedBy = (view: BookView, source: DataSource, market: Market, now: Date, days: number): Array<Listed> =>
  periodsFor(source, days).flatMap((period) => {
    const fixtures = byFixture(view, source, now, source === "live" ? [0] : [Number(period)])
    return [...fixtures].flatMap(([fixtureId, events]) => {
      const bookmakers = new Set(events.filter((e) => listsMarket(e.event, market)).map((e) => e.bookmaker))
      return bookmakers.size === 0 ? [] : [{ period, fixtureId, bookmakers }]
    })
  })

/** Fixtures listed by at least `threshold` bookmakers in one period: the ones the worker must match. */
export const expectedFixtures = (listed: ReadonlyArray<Listed>, threshold: number): ReadonlySet<string> =>
  new Set(listed.filter((l) => l.bookmakers.size >= threshold).map((l) => l.fixtureId))
