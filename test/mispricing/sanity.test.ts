import { assert, describe, it } from "@effect/vitest"
import type { PricingQuote } from "../../src/mispricing/book.ts"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { bySource, defaultSettings, sourceLimits } from "../../src/mispricing/Settings.ts"
import { arbitrages, legsOf, now, quote, quotesOf, settings, values } from "./quotes.ts"

// The 2.10 / 3.60 / 4.20 arbitrage (ROI 0.8 %, see arbitrage.test.ts) with the away leg configurable.
const arb = (away: PricingQuote) => [quote("A", "three_way", "home", 2.1), quote("B", "three_way", "draw", 3.6), away]
const none = { stale: 0, suspended: 0, spread: 0, roi_cap: 0 }

describe("sanity filters", () => {
  it("a stale leg never makes an opportunity, and is counted", () => {
    const stale = arb(quote("C", "three_way", "away", 4.2, { age: 61_000 }))
    const result = priceFixture("F", stale, settings(), now)
    assert.deepStrictEqual(result.opportunities, [])
    assert.deepStrictEqual(result.rejections, { ...none, stale: 1 })
    // Longer freshness and spread limits accept it.
    const lenient = settings({ freshnessMs: 120_000, maxSpreadMs: 120_000 })
    assert.strictEqual(arbitrages(priceFixture("F", stale, lenient, now).opportunities).length, 1)
  })

  it("an undated quote is stale", () => {
    const result = priceFixture("F", arb({ ...quote("C", "three_way", "away", 4.2), fetchedAt: "yesterday" }), settings(), now)
    assert.deepStrictEqual(result.rejections, { ...none, stale: 1 })
  })

  it("a suspended leg never makes an opportunity, and is counted", () => {
    const result = priceFixture("F", arb(quote("C", "three_way", "away", 4.2, { suspended: true })), settings(), now)
    assert.deepStrictEqual(result.opportunities, [])
    assert.deepStrictEqual(result.rejections, { ...none, suspended: 1 })
  })

  it("a fresh alternative still makes the opportunity: nothing is rejected", () => {
    // D's away 4.1: Σ = 95/126 + 1/4.1 = 0.753968 + 0.243902 = 0.997870 < 1, still an arbitrage of the same id;
    // stakes 100·0.476190/0.997870 = 47.72, 100·0.277778/0.997870 = 27.84, 100·0.243902/0.997870 = 24.44.
    const result = priceFixture(
      "F",
      [...arb(quote("C", "three_way", "away", 4.2, { age: 61_000 })), quote("D", "three_way", "away", 4.1)],
      settings(),
      now
    )
    assert.deepStrictEqual(result.opportunities.map(legsOf), [["A home 2.1 47.72", "B draw 3.6 27.84", "D away 4.1 24.44"]])
    assert.deepStrictEqual(result.rejections, none)
  })

  it("pre-match limits: the last round's quotes (5 minutes back) are fresh and may be legs next to this round's", () => {
    const { live, upcoming } = bySource(defaultSettings, sourceLimits)
    const withHome = (age: number) => [quote("A", "three_way", "home", 2.1, { age }), ...arb(quote("C", "three_way", "away", 4.2)).slice(1)]
    assert.strictEqual(arbitrages(priceFixture("F", withHome(5 * 60_000), upcoming, now).opportunities).length, 1)
    assert.deepStrictEqual(priceFixture("F", withHome(5 * 60_000), live, now).rejections, { ...none, stale: 1 })
    // Legs more than two rounds apart are too far apart; a quote more than three rounds old is stale.
    assert.deepStrictEqual(priceFixture("F", withHome(10 * 60_000 + 1), upcoming, now).rejections, { ...none, spread: 1 })
    const allOld = arb(quote("C", "three_way", "away", 4.2)).map((q) => ({ ...q, fetchedAt: now - 15 * 60_000 - 1 }))
    assert.deepStrictEqual(priceFixture("F", allOld, upcoming, now).rejections, { ...none, stale: 1 })
  })

  it("legs fetched further apart than the spread limit are rejected", () => {
    // home fetched 40 s ago, the rest now: fresh (≤ 60 s) but 40 s apart (> 30 s).
    const apart = [quote("A", "three_way", "home", 2.1, { age: 40_000 }), ...arb(quote("C", "three_way", "away", 4.2)).slice(1)]
    const result = priceFixture("F", apart, settings(), now)
    assert.deepStrictEqual(result.opportunities, [])
    assert.deepStrictEqual(result.rejections, { ...none, spread: 1 })
    assert.strictEqual(priceFixture("F", apart, settings({ maxSpreadMs: 45_000 }), now).opportunities.length, 1)
  })

  it("a return above the cap is too good to be true", () => {
    // home 3.0: Σ = 1/3 + 65/126 = 0.849206 → ROI 17.76 %: fine under 25 %, rejected under 10 %.
    const rich = [quote("A", "three_way", "home", 3.0), ...arb(quote("C", "three_way", "away", 4.2)).slice(1)]
    assert.strictEqual(arbitrages(priceFixture("F", rich, settings(), now).opportunities).length, 1)
    const capped = priceFixture("F", rich, settings({ roiCap: 0.1 }), now)
    assert.deepStrictEqual(arbitrages(capped.opportunities), [])
    assert.strictEqual(capped.rejections.roi_cap, 1)
  })

  it("a value bet above the cap gives way to a sane one on the same outcome", () => {
    // Against A (fair home 34/71): C's home 3.5 has edge 34/71·3.5 − 1 = 0.676 > 0.25, B's 2.3 has 0.1014.
    const bookA = quotesOf("A", "three_way", { home: 2.0, draw: 3.4, away: 4.0 })
    const crazy = quote("C", "three_way", "home", 3.5)
    const both = priceFixture("F", [...bookA, crazy, quote("B", "three_way", "home", 2.3)], settings({ reference: "A", roiCap: 0.2 }), now)
    assert.deepStrictEqual(values(both.opportunities).map(legsOf), [["B home 2.3 7.8"]])
    const alone = priceFixture("F", [...bookA, crazy], settings({ reference: "A", roiCap: 0.2 }), now)
    assert.deepStrictEqual(values(alone.opportunities), [])
    // Rejected twice: the value bet, and the arbitrage 3.5 / 3.4 / 4.0 (Σ = 0.8298, ROI 20.5 % > 20 %).
    assert.deepStrictEqual(alone.rejections, { ...none, roi_cap: 2 })
  })

  it("a replayed history keeps each bookmaker's latest price", () => {
    // A's home went 2.1 → 1.9: the arbitrage is gone whatever the order of the lines.
    const history = [...arb(quote("C", "three_way", "away", 4.2)), quote("A", "three_way", "home", 1.9, { age: -1 })]
    assert.deepStrictEqual(priceFixture("F", history, settings(), now).opportunities, [])
    assert.deepStrictEqual(priceFixture("F", [...history].reverse(), settings(), now).opportunities, [])
  })
})
