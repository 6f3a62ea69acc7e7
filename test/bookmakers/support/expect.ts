// The check both the hand-made-view and the recorded-payload tests make: the quotes say what the view said.
import { assert } from "@effect/vitest"
import { Schema } from "effect"
import { type Bookmaker, type DataSource, type Market, outcomesOf } from "../../../src/domain/Market.ts"
import { Quote } from "../../../src/domain/Quote.ts"
import type { Expected } from "./view.ts"

const closeTo = (actual: number | null, expected: number) =>
  assert.isTrue(actual !== null && Math.abs(actual - expected) / expected < 0.005, `price ${actual} should be close to ${expected}`)

export const assertQuotes = (
  quotes: ReadonlyArray<Quote>,
  expected: ReadonlyArray<Expected>,
  job: { readonly bookmaker: Bookmaker; readonly market: Market; readonly source: DataSource; readonly fetchedAt: string }
) => {
  assert.deepStrictEqual(quotes.map((q) => q.eventId).sort(), expected.map((e) => e.eventId).sort())
  for (const want of expected) {
    const quote = quotes.find((q) => q.eventId === want.eventId)!
    Schema.decodeUnknownSync(Quote)(quote)
    assert.strictEqual(quote.bookmaker, job.bookmaker)
    assert.strictEqual(quote.market, job.market)
    assert.strictEqual(quote.source, job.source)
    assert.strictEqual(quote.fetchedAt, job.fetchedAt)
    assert.deepStrictEqual(quote.listing, {
      home: want.home,
      away: want.away,
      kickoff: new Date(want.kickoff).toISOString(),
      league: want.league,
      country: want.country
    })
    assert.deepStrictEqual(quote.live, want.live)
    assert.deepStrictEqual(quote.prices.map((p) => p.outcome), [...outcomesOf[job.market]])
    for (const { outcome, price } of quote.prices) {
      const wanted = want.prices[outcome]
      assert.notStrictEqual(wanted, undefined, `the view prices ${outcome}`)
      if (wanted === null) assert.isNull(price, `${want.eventId} ${outcome} is suspended`)
      else closeTo(price, wanted!)
    }
  }
}
