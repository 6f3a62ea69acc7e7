import { assert, describe, it } from "@effect/vitest"
import { bestPrices, buildBook, margins } from "../../src/mispricing/book.ts"
import { slotOf } from "../../src/mispricing/outcomes.ts"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { now, quote, quotesOf, settings } from "./quotes.ts"

describe("margins", () => {
  it("Σ 1/price − 1 per complete market, per state covered for double chance", () => {
    const result = priceFixture("F", [
      // 1/2 + 1/3.4 + 1/4 = 71/68 → 3/68 = 0.044118
      ...quotesOf("A", "three_way", { home: 2.0, draw: 3.4, away: 4.0 }),
      // 2/1.9 − 1 = 0.052632
      ...quotesOf("A", "btts", { yes: 1.9, no: 1.9 }),
      // (1/1.3 + 1/1.35 + 1/2)/2 − 1 = (0.769231 + 0.740741 + 0.5)/2 − 1 = 0.004986
      ...quotesOf("B", "double_chance", { "1X": 1.3, "12": 1.35, X2: 2.0 }),
      // incomplete: no margin
      quote("B", "three_way", "home", 2.0)
    ], settings(), now)
    assert.deepStrictEqual(result.margins.map((m) => `${m.bookmaker} ${m.market}`), [
      "A btts",
      "A three_way",
      "B double_chance"
    ])
    const [btts, threeWay, dc] = result.margins
    assert.approximately(btts!.margin, 2 / 1.9 - 1, 1e-12)
    assert.approximately(threeWay!.margin, 3 / 68, 1e-12)
    assert.approximately(dc!.margin, (1 / 1.3 + 1 / 1.35 + 0.5) / 2 - 1, 1e-12)
  })
})

describe("best prices", () => {
  it("the highest bettable price per outcome and its bookmaker", () => {
    const result = priceFixture("F", [
      quote("A", "three_way", "home", 2.0),
      quote("B", "three_way", "home", 2.1),
      quote("C", "three_way", "home", 2.5, { suspended: true }),
      quote("D", "three_way", "home", 2.4, { age: 90_000 }),
      quote("A", "btts", "yes", 1.8)
    ], settings(), now)
    assert.deepStrictEqual(result.best.map((b) => `${b.outcome} ${b.bookmaker} ${b.price}`), ["yes A 1.8", "home B 2.1"])
  })

  const bestHome = (quotes: Parameters<typeof buildBook>[0], incumbents: Parameters<typeof bestPrices>[1] = []) =>
    bestPrices(buildBook(quotes, settings(), now), incumbents)[slotOf("three_way", "home")!.index]?.bookmaker

  it("ties go to the first bookmaker by name, however fresh each quote is", () => {
    assert.strictEqual(bestHome([quote("B", "three_way", "home", 2.0), quote("A", "three_way", "home", 2.0)]), "A")
    assert.strictEqual(bestHome([quote("A", "three_way", "home", 2.0, { age: 5_000 }), quote("B", "three_way", "home", 2.0)]), "A")
    assert.strictEqual(bestHome([quote("A", "three_way", "home", 2.0), quote("B", "three_way", "home", 2.0, { age: 5_000 })]), "A")
  })

  it("an arbitrage on tied best prices is the same opportunity, signature included, whichever quote is fresher", () => {
    const poll = (alphaAge: number, gammaAge: number) =>
      priceFixture("F", [
        quote("A", "btts", "yes", 2.1, { age: alphaAge }),
        quote("G", "btts", "yes", 2.1, { age: gammaAge }),
        quote("B", "btts", "no", 2.1)
      ], settings(), now).opportunities.map((o) => o.signature)
    assert.deepStrictEqual(poll(2_000, 1_000), poll(1_000, 2_000))
    assert.include(poll(2_000, 1_000)[0], "A@2.1")
  })

  it("a tie goes to the incumbent of the outcome; a better price still takes it over", () => {
    const held = [{ bookmaker: "C", market: "three_way", outcome: "home" }, { bookmaker: "A", market: "btts", outcome: "yes" }] as const
    const tied = [quote("A", "three_way", "home", 2.0), quote("B", "three_way", "home", 2.0), quote("C", "three_way", "home", 2.0)]
    assert.strictEqual(bestHome(tied, held), "C")
    assert.strictEqual(bestHome(tied, [{ bookmaker: "B", market: "three_way", outcome: "home" }, ...held]), "B") // the first listed
    assert.strictEqual(bestHome(tied, [{ bookmaker: "C", market: "double_chance", outcome: "1X" }]), "A") // another outcome's
    assert.strictEqual(bestHome([...tied, quote("D", "three_way", "home", 2.01)], held), "D")
    assert.strictEqual(bestHome(tied.slice(0, 2), held), "A") // the incumbent no longer quotes it
  })

  it("ignores an outcome quoted under a market it does not belong to", () => {
    const book = buildBook([quote("A", "btts", "home", 9.0)], settings(), now)
    assert.isTrue(bestPrices(book).every((q) => q === undefined))
    assert.deepStrictEqual(margins(book), [])
  })
})
