// Every bookmaker × market × source, end to end through the production registry: the simulated API renders
// the hand-made BookView in the bookmaker's wire format, the extractor fetches, decodes and normalises it,
// and the quotes must say what the view says (prices within the rounding of the bookmaker's notation).
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { Job } from "../../src/domain/Job.ts"
import { type Bookmaker, bookmakers, type DataSource, type Market, markets } from "../../src/domain/Market.ts"
import { registryWith, simClient } from "./support/clients.ts"
import { assertQuotes } from "./support/expect.ts"
import { expectedQuotes, now, view } from "./support/view.ts"

const periods: ReadonlyArray<readonly [DataSource, string, number]> = [
  ["upcoming", "0", 0],
  ["upcoming", "1", 1],
  ["upcoming", "2", 2],
  ["live", "live", 0]
]

const cases = bookmakers.flatMap((bookmaker) =>
  markets.flatMap((market) =>
    periods.map(([source, streamDate, day]) => [bookmaker, market, source, streamDate, day] as const)
  )
)

const extract = (bookmaker: Bookmaker, market: Market, source: DataSource, streamDate: string) =>
  Effect.gen(function*() {
    const extractor = yield* (yield* Extractors).get(bookmaker.toLowerCase(), market)
    return yield* extractor.extract(
      new Job({ bookmaker: bookmaker.toLowerCase(), extractor_type: market, data_source: source, stream_date: streamDate })
    )
  })

describe("extractors against the simulated APIs", () => {
  it.effect.each(cases)("%s %s %s %s", ([bookmaker, market, source, streamDate, day]) =>
    Effect.gen(function*() {
      yield* TestClock.setTime(now.getTime())
      const quotes = yield* extract(bookmaker, market, source, streamDate)
      assertQuotes(quotes, expectedQuotes(view, now, bookmaker, market, source, day), { bookmaker, market, source, fetchedAt: now.toISOString() })
    }).pipe(Effect.provide(registryWith(simClient(view)))))

  it.effect.each(bookmakers)("%s refuses a day outside its range and an upcoming job marked live", (bookmaker) =>
    Effect.gen(function*() {
      for (const [source, streamDate] of [["upcoming", "5"], ["upcoming", "-2"], ["upcoming", "live"], ["live", "3"]] as const) {
        const error = yield* Effect.flip(extract(bookmaker, "btts", source, streamDate))
        assert.strictEqual(error._tag, "PeriodOutOfRange")
        if (error._tag === "PeriodOutOfRange") {
          assert.strictEqual(error.bookmaker, bookmaker)
          assert.strictEqual(error.value, streamDate)
        }
      }
    }).pipe(Effect.provide(registryWith(simClient(view)))))
})
