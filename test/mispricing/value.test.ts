import { assert, describe, it } from "@effect/vitest"
import type { PricingQuote } from "../../src/mispricing/book.ts"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { legsOf, now, quote, quotesOf, settings, values } from "./quotes.ts"

// A: 2.00 / 3.40 / 4.00 → q = 34/68, 20/68, 17/68, Σ = 71/68; multiplicative fair p = 34/71, 20/71, 17/71.
// B: 1.95 / 3.50 / 4.10 → Σ = 1.042437; fair p = 0.491944, 0.274083, 0.233973.
const bookA = quotesOf("A", "three_way", { home: 2.0, draw: 3.4, away: 4.0 })
const bookB = quotesOf("B", "three_way", { home: 1.95, draw: 3.5, away: 4.1 })
const boosted = quote("C", "three_way", "home", 2.3)

describe("value against one named bookmaker", () => {
  it("finds C's home price against A's fair probability, with a Kelly stake", () => {
    // edge = 34/71 · 2.3 − 1 = 78.2/71 − 1 = 7.2/71 = 0.101408 > 0.02. Kelly: 100 · 0.101408/1.3 = 7.8006 → 7.80.
    // B against A: home 34/71·1.95 − 1 = −0.066, draw 20/71·3.5 − 1 = −0.014, away 17/71·4.1 − 1 = −0.018.
    const found = values(priceFixture("F", [...bookA, ...bookB, boosted], settings({ reference: "A" }), now).opportunities)
    assert.strictEqual(found.length, 1)
    assert.deepStrictEqual(legsOf(found[0]!), ["C home 2.3 7.8"])
    assert.approximately(found[0]!.edge, 7.2 / 71, 1e-12)
    assert.approximately(found[0]!.probability, 34 / 71, 1e-12)
    assert.strictEqual(found[0]!.reference, "A")
    assert.strictEqual(found[0]!.id, "value|F|three_way:home")
  })

  it("never judges the reference against itself", () => {
    // A alone, with a book below 100 % (2.5/3.6/4.2: Σ = 0.4 + 0.2778 + 0.2381 = 0.9159): no value, by anyone.
    const generous = quotesOf("A", "three_way", { home: 2.5, draw: 3.6, away: 4.2 })
    assert.deepStrictEqual(values(priceFixture("F", generous, settings({ reference: "A" }), now).opportunities), [])
    assert.deepStrictEqual(values(priceFixture("F", generous, settings(), now).opportunities), [])
    // With B as reference, A's prices are judged and B's are not.
    const found = values(priceFixture("F", [...generous, ...bookB], settings({ reference: "B" }), now).opportunities)
    assert.isTrue(found.length > 0)
    assert.isTrue(found.every((o) => o.legs.every((l) => l.bookmaker === "A")))
  })

  it("prices double chance from the reference's three-way probabilities", () => {
    // p(X2) = p(draw) + p(away) = 37/71; edge = 37/71 · 2.3 − 1 = 14.1/71 = 0.198592; Kelly 100·0.198592/1.3 = 15.28
    const found = values(
      priceFixture("F", [...bookA, quote("C", "double_chance", "X2", 2.3)], settings({ reference: "A" }), now).opportunities
    )
    assert.deepStrictEqual(legsOf(found[0]!), ["C X2 2.3 15.28"])
    assert.approximately(found[0]!.edge, 14.1 / 71, 1e-12)
  })

  it("uses the configured de-vig method", () => {
    // Shin on A (see devig.test.ts): p(home) = 0.4836477159 → edge = 0.4836477159 · 2.3 − 1 = 0.1123897466
    const [found] = values(priceFixture("F", [...bookA, boosted], settings({ reference: "A", devig: "shin" }), now).opportunities)
    assert.approximately(found!.edge, 0.1123897466, 1e-9)
  })

  it("takes commission off the winnings before judging", () => {
    // C's 2.3 pays 1 + 1.3 · 0.95 = 2.235: edge = 34/71 · 2.235 − 1 = 4.99/71 = 0.070282
    const [found] = values(
      priceFixture("F", [...bookA, boosted], settings({ reference: "A", commission: { C: 0.05 } }), now).opportunities
    )
    assert.approximately(found!.edge, 4.99 / 71, 1e-12)
  })

  it("respects the edge threshold", () => {
    assert.deepStrictEqual(
      values(priceFixture("F", [...bookA, boosted], settings({ reference: "A", valueEdge: 0.11 }), now).opportunities),
      []
    )
  })
})

describe("value against the consensus", () => {
  it("judges each bookmaker by the mean fair probabilities of the others", () => {
    // C has no full book, so for C the consensus is the mean of A and B: p(home) = (0.478873 + 0.491944)/2
    // = 0.485409; edge = 0.485409 · 2.3 − 1 = 0.116440. A and B are not judged: C has no full book, so each
    // of them has one other bookmaker only, too few for a consensus.
    const found = values(priceFixture("F", [...bookA, ...bookB, boosted], settings(), now).opportunities)
    assert.strictEqual(found.length, 1)
    assert.deepStrictEqual(legsOf(found[0]!), ["C home 2.3 8.96"])
    const fairB = (1 / 1.95) / (1 / 1.95 + 1 / 3.5 + 1 / 4.1)
    assert.approximately(found[0]!.probability, (34 / 71 + fairB) / 2, 1e-12)
    assert.approximately(found[0]!.edge, 0.1164395699, 1e-9)
    assert.strictEqual(found[0]!.reference, "consensus")
  })

  it("names the books its probability came from, each with the time its quote was fetched", () => {
    const aged = (quotes: ReadonlyArray<PricingQuote>, age: number) => quotes.map((q) => ({ ...q, fetchedAt: now - age }))
    const found = values(priceFixture("F", [...aged(bookA, 3_000), ...aged(bookB, 1_000), boosted], settings(), now).opportunities)
    assert.deepStrictEqual(found[0]!.referenceBooks, [
      { bookmaker: "A", market: "three_way", fetchedAt: now - 3_000 },
      { bookmaker: "B", market: "three_way", fetchedAt: now - 1_000 }
    ])
    // Against one named bookmaker, that bookmaker's book alone; btts is judged by the btts books.
    const named = values(priceFixture("F", [...bookA, ...bookB, boosted], settings({ reference: "A" }), now).opportunities)
    assert.deepStrictEqual(named[0]!.referenceBooks, [{ bookmaker: "A", market: "three_way", fetchedAt: now }])
    const btts = values(priceFixture("F", [
      ...aged(quotesOf("A", "btts", { yes: 1.9, no: 1.9 }), 500),
      ...quotesOf("B", "btts", { yes: 2.3, no: 1.75 }),
      ...quotesOf("C", "btts", { yes: 1.92, no: 1.88 })
    ], settings(), now).opportunities)
    assert.deepStrictEqual(btts[0]!.referenceBooks, [
      { bookmaker: "A", market: "btts", fetchedAt: now - 500 },
      { bookmaker: "C", market: "btts", fetchedAt: now }
    ])
  })

  it("reports the best edge per outcome once", () => {
    // D also offers home at 2.25 (edge vs consensus of A and B: 0.485409 · 2.25 − 1 = 0.0922): C's 2.3 wins.
    const found = values(
      priceFixture("F", [...bookA, ...bookB, boosted, quote("D", "three_way", "home", 2.25)], settings(), now).opportunities
    )
    assert.deepStrictEqual(found.map((o) => legsOf(o)), [["C home 2.3 8.96"]])
  })

  it("needs two other bookmakers: one mispriced book alone does not make the other side value", () => {
    // B's btts yes is boosted: 1/2.3 + 1/1.75 = 1.006211, so B's fair p(no) = 0.571429/1.006211 = 0.567901 and A's
    // no at 1.9 would show an edge of 0.567901 · 1.9 − 1 = 0.079 against B alone. With two books nothing is judged.
    const bookA = quotesOf("A", "btts", { yes: 1.9, no: 1.9 })
    const bookB = quotesOf("B", "btts", { yes: 2.3, no: 1.75 })
    assert.deepStrictEqual(values(priceFixture("F", [...bookA, ...bookB], settings(), now).opportunities), [])
    // A third book C (1.92/1.88: fair p = 0.494737/0.505263): B's yes is value against A and C, edge
    // (0.5 + 0.494737)/2 · 2.3 − 1 = 0.143947; A's no against B and C, (0.567901 + 0.505263)/2 · 1.9 − 1 = 0.0195, is not.
    const bookC = quotesOf("C", "btts", { yes: 1.92, no: 1.88 })
    const found = values(priceFixture("F", [...bookA, ...bookB, ...bookC], settings(), now).opportunities)
    assert.deepStrictEqual(found.map((o) => legsOf(o)), [["B yes 2.3 11.07"]])
    assert.approximately(found[0]!.edge, 0.143947, 1e-6)
  })

  it("needs every book of the consensus to agree: one mispriced book cannot carry the mean", () => {
    // B's yes is boosted to 2.4: 1/2.4 + 1/1.75 = 0.988095, B's fair p(no) = 0.578313. Against the mean of B and C
    // (0.578313 + 0.505263)/2 = 0.541788, A's no at 1.9 has an edge of 0.029397 > 2 %, but against C alone
    // 0.505263 · 1.9 − 1 = −0.040: not value. B's yes clears 2 % against the mean of A and C (0.497368 · 2.4 − 1
    // = 0.193684), against A (0.2) and against C (0.187368): value, with the mean's edge and probability.
    const bookA = quotesOf("A", "btts", { yes: 1.9, no: 1.9 })
    const bookB = quotesOf("B", "btts", { yes: 2.4, no: 1.75 })
    const bookC = quotesOf("C", "btts", { yes: 1.92, no: 1.88 })
    const found = values(priceFixture("F", [...bookA, ...bookB, ...bookC], settings(), now).opportunities)
    assert.deepStrictEqual(found.map((o) => legsOf(o)), [["B yes 2.4 13.83"]])
    assert.approximately(found[0]!.edge, 0.193684, 1e-6)
    assert.approximately(found[0]!.probability, 0.497368, 1e-6)
  })
})
