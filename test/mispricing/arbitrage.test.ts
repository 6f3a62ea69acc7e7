import { assert, describe, it } from "@effect/vitest"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { arbitrages, legsOf, now, quote, quotesOf, settings } from "./quotes.ts"

const price = (quotes: Parameters<typeof priceFixture>[1], overrides: Parameters<typeof settings>[0] = {}) =>
  priceFixture("F", quotes, settings(overrides), now)

describe("arbitrage within a market", () => {
  it("three_way: best 2.10 / 3.60 / 4.20 across bookmakers", () => {
    // Σ 1/p = 1/2.1 + 1/3.6 + 1/4.2 = 60/126 + 35/126 + 30/126 = 125/126 = 0.99206 < 1
    // ROI = 126/125 − 1 = 0.008; stakes of 100 ∝ 1/p: 100·60/125 = 48, 100·35/125 = 28, 100·30/125 = 24;
    // every result pays 48·2.1 = 28·3.6 = 24·4.2 = 100.8.
    const result = price([
      ...quotesOf("A", "three_way", { home: 2.1, draw: 3.4, away: 3.9 }),
      ...quotesOf("B", "three_way", { home: 2.0, draw: 3.6 }),
      quote("C", "three_way", "away", 4.2)
    ])
    const [arb, ...rest] = arbitrages(result.opportunities)
    assert.strictEqual(rest.length, 0)
    assert.deepStrictEqual(legsOf(arb!), ["A home 2.1 48", "B draw 3.6 28", "C away 4.2 24"])
    assert.approximately(arb!.roi, 0.008, 1e-12)
    assert.deepStrictEqual(arb!.payouts, { home: 100.8, draw: 100.8, away: 100.8 })
    assert.strictEqual(arb!.staked, 100)
    assert.approximately(arb!.profit, 0.8, 1e-9)
    assert.deepStrictEqual(arb!.markets, ["three_way"])
  })

  it("btts: yes 2.10 at one bookmaker, no 2.05 at another", () => {
    // Σ = 1/2.1 + 1/2.05 = 0.476190 + 0.487805 = 0.963995 → ROI = 1/0.963995 − 1 = 0.037349
    // stakes: 100·0.476190/0.963995 = 49.398 → 49.40, 100·0.487805/0.963995 = 50.602 → 50.60
    // payouts: 49.40·2.1 = 103.74, 50.60·2.05 = 103.73 → profit 3.73 after rounding
    const result = price([
      ...quotesOf("A", "btts", { yes: 2.1, no: 1.7 }),
      ...quotesOf("B", "btts", { yes: 1.8, no: 2.05 })
    ])
    const [arb] = arbitrages(result.opportunities)
    assert.deepStrictEqual(legsOf(arb!), ["A yes 2.1 49.4", "B no 2.05 50.6"])
    assert.approximately(arb!.roi, 1 / (1 / 2.1 + 1 / 2.05) - 1, 1e-12)
    assert.approximately(arb!.roi, 0.037349, 1e-6)
    assert.deepStrictEqual(arb!.payouts, { yes: 103.74, no: 103.73 })
    assert.approximately(arb!.profit, 3.73, 1e-9)
  })

  it("double chance: 1/p(1X) + 1/p(12) + 1/p(X2) < 2, each result covered twice", () => {
    // 1/1.6 + 1/1.25 + 1/2.0 = 0.625 + 0.8 + 0.5 = 1.925 < 2; the equal-payout stakes are ∝ 1/p and every
    // result pays 2/1.925 per unit staked: ROI = 2/1.925 − 1 = 3/77 = 0.038961.
    // stakes: 100·0.625/1.925 = 32.468 → 32.47, 100·0.8/1.925 = 41.558 → 41.56, 100·0.5/1.925 = 25.974 → 25.97
    // home = 32.47·1.6 + 41.56·1.25 = 51.952 + 51.95 = 103.902; draw = 51.952 + 25.97·2 = 103.892;
    // away = 51.95 + 51.94 = 103.89 → profit 3.89
    const result = price([
      ...quotesOf("A", "double_chance", { "1X": 1.6, "12": 1.25 }),
      quote("B", "double_chance", "X2", 2.0)
    ])
    const found = arbitrages(result.opportunities)
    assert.strictEqual(found.length, 1, "the programme's optimum is the same leg set: reported once")
    assert.deepStrictEqual(legsOf(found[0]!), ["A 1X 1.6 32.47", "A 12 1.25 41.56", "B X2 2 25.97"])
    assert.approximately(found[0]!.roi, 3 / 77, 1e-12)
    assert.deepStrictEqual(found[0]!.payouts, { home: 103.902, draw: 103.892, away: 103.89 })
    assert.approximately(found[0]!.profit, 3.89, 1e-9)
  })

  it("no arbitrage when every market's best prices carry a margin", () => {
    // three_way 2.0/3.4/4.0: Σ = 71/68 > 1; btts 1.9/1.9: Σ = 1.0526; double chance 1.3/1.35/1.9:
    // 0.769 + 0.741 + 0.526 = 2.036 > 2; across: 1 vs X2 = 0.5 + 0.526 > 1, X vs 12 = 0.294 + 0.741 > 1,
    // 2 vs 1X = 0.25 + 0.769 > 1.
    const result = price([
      ...quotesOf("A", "three_way", { home: 2.0, draw: 3.4, away: 4.0 }),
      ...quotesOf("A", "btts", { yes: 1.9, no: 1.9 }),
      ...quotesOf("B", "double_chance", { "1X": 1.3, "12": 1.35, X2: 1.9 })
    ])
    assert.deepStrictEqual(arbitrages(result.opportunities), [])
  })
})

describe("arbitrage across markets", () => {
  // A three_way book with a 5.3 % margin and a double-chance book with a 0.5 % margin: no market alone is
  // an arbitrage (1/2.2 + 1/3.2 + 1/3.5 = 1.0528; 1/1.3 + 1/1.35 + 1/2.0 = 2.0100).
  const books = [
    ...quotesOf("A", "three_way", { home: 2.2, draw: 3.2, away: 3.5 }),
    ...quotesOf("B", "double_chance", { "1X": 1.3, "12": 1.35, X2: 2.0 })
  ]

  it("1 vs X2", () => {
    // 1/2.2 + 1/2.0 = 0.454545 + 0.5 = 0.954545 → t = 22/21, ROI = 1/21 = 0.047619; the other pairings
    // X vs 12 (0.3125 + 0.7407) and 2 vs 1X (0.2857 + 0.7692) exceed 1.
    // stakes: 100·0.454545/0.954545 = 47.619 → 47.62, 52.381 → 52.38; home pays 47.62·2.2 = 104.764,
    // draw and away 52.38·2 = 104.76.
    const [arb, ...rest] = arbitrages(price(books).opportunities)
    assert.strictEqual(rest.length, 0)
    assert.deepStrictEqual(legsOf(arb!), ["A home 2.2 47.62", "B X2 2 52.38"])
    assert.deepStrictEqual(arb!.markets, ["three_way", "double_chance"])
    assert.approximately(arb!.roi, 1 / 21, 1e-12)
    assert.deepStrictEqual(arb!.payouts, { home: 104.764, draw: 104.76, away: 104.76 })
  })

  it("X vs 12 and 2 vs 1X", () => {
    // draw 4.0 vs 12 1.40: 0.25 + 0.714286 = 0.964286 → ROI = 1/0.964286 − 1 = 1/27
    const xv12 = arbitrages(price([quote("A", "three_way", "draw", 4.0), quote("B", "double_chance", "12", 1.4)]).opportunities)
    assert.deepStrictEqual(xv12.map((o) => o.id), ["arbitrage|F|three_way:draw,double_chance:12"])
    assert.approximately(xv12[0]!.roi, 1 / 27, 1e-12)
    // away 5.0 vs 1X 1.30: 0.2 + 0.769231 = 0.969231 → t = 6.5/6.3, ROI = 0.2/6.3 = 0.031746
    const twoVs1x = arbitrages(price([quote("A", "three_way", "away", 5.0), quote("B", "double_chance", "1X", 1.3)]).opportunities)
    assert.deepStrictEqual(twoVs1x.map((o) => o.id), ["arbitrage|F|three_way:away,double_chance:1X"])
    assert.approximately(twoVs1x[0]!.roi, 0.2 / 6.3, 1e-12)
  })

  it("reports the three_way arbitrage and the better cross-market one, each once", () => {
    // three_way best 2.3 / 3.6 / 4.2: 0.434783 + 0.277778 + 0.238095 = 0.950656 → ROI 0.051905.
    // With X2 at 2.2: 1 vs X2 = 0.434783 + 0.454545 = 0.889328 → ROI 0.124444, the programme's optimum.
    const result = price([
      quote("A", "three_way", "home", 2.3),
      ...quotesOf("B", "three_way", { draw: 3.6, away: 4.2 }),
      quote("C", "double_chance", "X2", 2.2)
    ])
    const found = arbitrages(result.opportunities)
    assert.deepStrictEqual(found.map((o) => o.id), [
      "arbitrage|F|three_way:home,double_chance:X2",
      "arbitrage|F|three_way:home,three_way:draw,three_way:away"
    ])
    assert.approximately(found[0]!.roi, 1 / (1 / 2.3 + 1 / 2.2) - 1, 1e-12)
    assert.approximately(found[1]!.roi, 1 / (1 / 2.3 + 1 / 3.6 + 1 / 4.2) - 1, 1e-12)
  })

  it("a split that leaves one result over-covered: 1X + X2 pays the draw twice", () => {
    // 1X 2.5 and X2 2.5 alone: home pays a·2.5, away c·2.5, draw (a + c)·2.5. The optimum makes home and away
    // tight: a = c = 1/2, t = 1.25 (draw pays 2.5). 12 at 1.1 is useless here. ROI 0.25, under a 0.3 cap.
    const result = price([
      ...quotesOf("A", "double_chance", { "1X": 2.5, "12": 1.1 }),
      quote("B", "double_chance", "X2", 2.5)
    ], { roiCap: 0.3 })
    const found = arbitrages(result.opportunities)
    // The full double-chance split is an arbitrage too: 1/2.5 + 1/1.1 + 1/2.5 = 1.709 < 2, ROI 2/1.709 − 1.
    assert.deepStrictEqual(found.map((o) => o.id), [
      "arbitrage|F|double_chance:1X,double_chance:X2",
      "arbitrage|F|double_chance:1X,double_chance:12,double_chance:X2"
    ])
    assert.approximately(found[0]!.roi, 0.25, 1e-12)
    assert.deepStrictEqual(found[0]!.payouts, { home: 125, draw: 250, away: 125 })
    assert.approximately(found[1]!.roi, 2 / (0.4 + 1 / 1.1 + 0.4) - 1, 1e-12)
  })
})

describe("commission on net winnings", () => {
  const legs = [
    quote("A", "three_way", "home", 2.1),
    quote("B", "three_way", "draw", 3.6),
    quote("C", "three_way", "away", 4.2)
  ]

  it("2 % at the home leg's bookmaker shrinks the return", () => {
    // home pays 1 + 1.1·0.98 = 2.078 per unit: Σ = 1/2.078 + 35/126 + 30/126 = 0.481232 + 0.515873 = 0.997105
    // ROI = 1/0.997105 − 1 = 0.0029034; stakes 100·0.481232/0.997105 = 48.263 → 48.26, 27.858 → 27.86,
    // 23.879 → 23.88; payouts home 48.26·2.078 = 100.28428, draw 27.86·3.6 = 100.296, away 23.88·4.2 = 100.296
    const [arb] = arbitrages(priceFixture("F", legs, settings({ commission: { A: 0.02 } }), now).opportunities)
    assert.approximately(arb!.roi, 1 / (1 / 2.078 + 65 / 126) - 1, 1e-12)
    assert.approximately(arb!.roi, 0.0029034, 1e-7)
    assert.deepStrictEqual(legsOf(arb!), ["A home 2.1 48.26", "B draw 3.6 27.86", "C away 4.2 23.88"])
    assert.deepStrictEqual(arb!.payouts, { home: 100.28428, draw: 100.296, away: 100.296 })
  })

  it("5 % wipes it out", () => {
    // home pays 1 + 1.1·0.95 = 2.045: Σ = 0.488998 + 0.515873 = 1.004871 > 1
    assert.deepStrictEqual(
      arbitrages(priceFixture("F", legs, settings({ commission: { A: 0.05 } }), now).opportunities),
      []
    )
  })

  it("picks the best price after commission, not the best quoted price", () => {
    // A quotes home 2.15 with 10 % commission: 1 + 1.15·0.9 = 2.035 < D's 2.1 without commission.
    const [arb] = arbitrages(
      priceFixture("F", [...legs, quote("D", "three_way", "home", 2.15)], settings({ commission: { D: 0.1 } }), now)
        .opportunities
    )
    assert.strictEqual(arb!.legs[0]!.bookmaker, "A")
  })
})

describe("identity", () => {
  const legs = (home: number) => [
    quote("A", "three_way", "home", home),
    quote("B", "three_way", "draw", 3.6),
    quote("C", "three_way", "away", 4.2)
  ]

  it("id names kind, fixture and outcomes; signature changes with a price or a bookmaker", () => {
    const [first] = arbitrages(priceFixture("F", legs(2.1), settings(), now).opportunities)
    const [moved] = arbitrages(priceFixture("F", legs(2.12), settings(), now).opportunities)
    const [other] = arbitrages(
      priceFixture("F", [...legs(2.1), quote("D", "three_way", "away", 4.3)], settings(), now).opportunities
    )
    assert.strictEqual(first!.id, "arbitrage|F|three_way:home,three_way:draw,three_way:away")
    assert.strictEqual(moved!.id, first!.id)
    assert.strictEqual(other!.id, first!.id)
    assert.notStrictEqual(moved!.signature, first!.signature)
    assert.notStrictEqual(other!.signature, first!.signature)
    assert.notStrictEqual(other!.signature, moved!.signature)
    const [again] = arbitrages(priceFixture("F", legs(2.1).reverse(), settings(), now).opportunities)
    assert.strictEqual(again!.signature, first!.signature)
  })
})
