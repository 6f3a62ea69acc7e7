import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { opportunityLine, parseQuoteLine } from "../../src/mispricing/QuoteLine.ts"
import { newestFetch, priceQuotes } from "../../src/mispricing/priceQuotes.ts"
import { settings } from "./quotes.ts"

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    fixture: "F",
    market: "three_way",
    bookmaker: "A",
    outcome: "home",
    price: 2.1,
    fetched_at: "2025-05-01T12:00:00Z",
    ...fields
  })

const failure = (text: string) => {
  const parsed = parseQuoteLine(text)
  assert.isTrue(Result.isFailure(parsed), text)
  return Result.isFailure(parsed) ? parsed.failure : ""
}

describe("quote lines", () => {
  it("decodes a line, times in epoch ms", () => {
    const parsed = parseQuoteLine(line({ suspended: true }))
    assert.deepStrictEqual(Result.getOrThrow(parsed), {
      fixture: "F",
      bookmaker: "A",
      market: "three_way",
      outcome: "home",
      price: 2.1,
      fetchedAt: Date.parse("2025-05-01T12:00:00Z"),
      suspended: true
    })
  })

  it("says what is wrong with a bad line", () => {
    assert.include(failure("{not json"), "JSON")
    assert.include(failure(line({ price: 1 })), "price")
    assert.include(failure(line({ price: "2.1" })), "price")
    assert.include(failure(line({ market: "btts" })), "not an outcome of btts")
    assert.include(failure(line({ fetched_at: "yesterday" })), "ISO-8601")
    assert.include(failure(line({ fetched_at: "2025-13-45T99:00:00Z" })), "ISO-8601")
    assert.include(failure(line({ bookmaker: "" })), "bookmaker")
    assert.include(failure(JSON.stringify({ fixture: "F" })), "market")
    assert.notInclude(failure("[]"), "\n")
  })

  it("prints an opportunity with ISO leg times", () => {
    const [fixture] = priceQuotes([
      { fixture: "F", bookmaker: "A", market: "btts", outcome: "yes", price: 2.1, fetchedAt: Date.parse("2025-05-01T12:00:00Z") },
      { fixture: "F", bookmaker: "B", market: "btts", outcome: "no", price: 2.05, fetchedAt: "2025-05-01T12:00:01Z" }
    ], settings())
    const printed = JSON.parse(opportunityLine(fixture!.opportunities[0]!))
    assert.strictEqual(printed.kind, "arbitrage")
    assert.strictEqual(printed.fixture, "F")
    assert.approximately(printed.roi, 1 / (1 / 2.1 + 1 / 2.05) - 1, 1e-12)
    assert.deepStrictEqual(printed.legs, [
      { bookmaker: "A", market: "btts", outcome: "yes", price: 2.1, stake: 49.4, fetched_at: "2025-05-01T12:00:00.000Z" },
      { bookmaker: "B", market: "btts", outcome: "no", price: 2.05, stake: 50.6, fetched_at: "2025-05-01T12:00:01.000Z" }
    ])
  })

  it("prints a value bet's reference books with ISO times", () => {
    const at = (second: number) => `2025-05-01T12:00:0${second}Z`
    const book = (bookmaker: string, second: number, home: number, draw: number, away: number) =>
      ([["home", home], ["draw", draw], ["away", away]] as const).map(([outcome, price]) => ({
        fixture: "F",
        bookmaker,
        market: "three_way" as const,
        outcome,
        price,
        fetchedAt: at(second)
      }))
    const [fixture] = priceQuotes([
      ...book("A", 1, 2.0, 3.4, 4.0),
      ...book("B", 2, 1.95, 3.5, 4.1),
      { fixture: "F", bookmaker: "C", market: "three_way", outcome: "home", price: 2.3, fetchedAt: at(3) }
    ], settings())
    const printed = JSON.parse(opportunityLine(fixture!.opportunities.find((o) => o.kind === "value")!))
    assert.deepStrictEqual(printed.referenceBooks, [
      { bookmaker: "A", market: "three_way", fetched_at: "2025-05-01T12:00:01.000Z" },
      { bookmaker: "B", market: "three_way", fetched_at: "2025-05-01T12:00:02.000Z" }
    ])
  })
})

describe("priceQuotes", () => {
  it("prices each fixture, judged against the newest quote of the batch", () => {
    const day = "2020-01-01T00:00:"
    const quotes = [
      { fixture: "F1", bookmaker: "A", market: "btts", outcome: "yes", price: 2.1, fetchedAt: `${day}00Z` },
      { fixture: "F2", bookmaker: "A", market: "btts", outcome: "yes", price: 1.5, fetchedAt: `${day}30Z` },
      { fixture: "F1", bookmaker: "B", market: "btts", outcome: "no", price: 2.05, fetchedAt: `${day}10Z` }
    ] as const
    assert.strictEqual(newestFetch(quotes), Date.parse(`${day}30Z`))
    const priced = priceQuotes(quotes, settings())
    assert.deepStrictEqual(priced.map((p) => [p.fixture, p.opportunities.length]), [["F1", 1], ["F2", 0]])
    // Judged at a later time, the same recording is stale.
    assert.deepStrictEqual(priceQuotes(quotes, settings(), Date.parse("2020-01-01T01:00:00Z"))[0]!.rejections.stale, 1)
  })
})
