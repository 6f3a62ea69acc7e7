import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Schema } from "effect"
import { type Market, markets, outcomesOf } from "../../src/domain/Market.ts"
import type { PricingQuote } from "../../src/mispricing/book.ts"
import { marketSlots, statesOf } from "../../src/mispricing/outcomes.ts"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { DevigMethod } from "../../src/mispricing/Settings.ts"
import { arbitrages, now, quote, settings } from "./quotes.ts"

const between = (minimum: number, maximum: number) =>
  Arbitrary.schema(Schema.Finite.check(Schema.isBetween({ minimum, maximum })))

/** A distribution over n states, each at least ~5 %. */
const distribution = (n: number) =>
  Arbitrary.all(Array.from({ length: n }, () => between(0.1, 1))).pipe(
    Arbitrary.map((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)))
  )

/** Probability of each of a market's outcomes given the state probabilities of its space. */
const outcomeProbabilities = (market: Market, states: ReadonlyArray<number>): Array<number> =>
  marketSlots(market).map((slot) => states.reduce((p, ps, s) => (slot.cover & (1 << s) ? p + ps : p), 0))

const Unit = Arbitrary.schema(Schema.Literals([0.01, 0.1, 1]))

// One market whose outcomes are quoted by different bookmakers at prices 1/(p·(1 + m)) with m < 0:
// Σ 1/price = coverage·(1 + m) < coverage, an arbitrage of return 1/(1 + m).
const withinMarket = Arbitrary.all({
  market: Arbitrary.schema(Schema.Literals(markets)),
  result: distribution(3),
  btts: distribution(2),
  m: between(-0.15, -0.002),
  bankroll: between(10, 5000),
  unit: Unit
}).pipe(Arbitrary.map((g) => {
  const states = marketSlots(g.market)[0]!.space === "btts" ? g.btts : g.result
  const quotes = outcomeProbabilities(g.market, states).map((p, i) =>
    quote(`B${i}`, g.market, outcomesOf[g.market][i]!, 1 / (p * (1 + g.m)))
  )
  return { ...g, quotes }
}))

describe("pure arbitrages within a market", () => {
  it.prop("ROI = coverage/Σ(1/p) − 1 before rounding", [withinMarket], ([g]) => {
    const result = priceFixture("F", g.quotes, settings({ roiCap: 1, bankroll: g.bankroll, unit: g.unit }), now)
    const arb = arbitrages(result.opportunities).find((o) => o.legs.length === g.quotes.length)
    assert.isDefined(arb, `no arbitrage on ${g.market}`)
    const coverage = g.market === "double_chance" ? 2 : 1
    assert.approximately(arb!.roi, coverage / g.quotes.reduce((s, q) => s + 1 / q.price, 0) - 1, 1e-9)
    assert.approximately(arb!.roi, 1 / (1 + g.m) - 1, 1e-9)
  })

  it.prop("stakes sum to the bankroll and every state pays the same, within rounding", [withinMarket], ([g]) => {
    const result = priceFixture("F", g.quotes, settings({ roiCap: 1, bankroll: g.bankroll, unit: g.unit }), now)
    const arb = arbitrages(result.opportunities).find((o) => o.legs.length === g.quotes.length)!
    // Each stake is rounded to the nearest unit: the total moves by at most half a unit per leg …
    assert.isTrue(Math.abs(arb.staked - g.bankroll) <= arb.legs.length * g.unit / 2 + 1e-9)
    assert.approximately(arb.legs.reduce((s, l) => s + l.stake, 0), arb.staked, 1e-9)
    // … and each state's payout by at most half a unit at the price of each leg paying in it, from the exact
    // equal payout (1 + roi)·bankroll: so any two states differ by at most one rounding unit at those prices.
    const exact = (1 + arb.roi) * g.bankroll
    const slots = marketSlots(g.market)
    statesOf[slots[0]!.space].forEach((state, s) => {
      const bound = arb.legs.reduce((b, l, j) => (slots[j]!.cover & (1 << s) ? b + g.unit / 2 * l.price : b), 0)
      assert.isTrue(Math.abs(arb.payouts[state]! - exact) <= bound + 1e-9, `${state}: ${arb.payouts[state]} vs ${exact}`)
    })
    assert.approximately(arb.profit, Math.min(...Object.values(arb.payouts)) - arb.staked, 1e-9)
  })
})

// Bookmakers quoting one true distribution, each with its own margin m ≥ 0 (price = 1/(p·(1 + m))), some
// quotes missing: nothing is mispriced.
const fairBooks = Arbitrary.all({
  result: distribution(3),
  btts: distribution(2),
  books: Arbitrary.array(
    Arbitrary.all({ margin: between(0, 0.1), present: Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 255 }))) }),
    { minLength: 2, maxLength: 4 }
  ),
  devig: Arbitrary.schema(DevigMethod)
}).pipe(Arbitrary.map((g) => ({
  devig: g.devig,
  quotes: g.books.flatMap((book, b) =>
    markets.flatMap((market) => {
      const states = market === "btts" ? g.btts : g.result
      return outcomeProbabilities(market, states).flatMap((p, i) => {
        const slot = marketSlots(market)[i]!.index
        const price = 1 / (p * (1 + book.margin))
        return book.present & (1 << slot) && price > 1 ? [quote(`B${b}`, market, outcomesOf[market][i]!, price)] : []
      })
    })
  )
})))

describe("fair prices", () => {
  it.prop("yield no opportunity and no rejection", [fairBooks], ([g]) => {
    const result = priceFixture("F", g.quotes, settings(), now)
    assert.deepStrictEqual(result.opportunities, [])
    assert.deepStrictEqual(result.rejections, { stale: 0, suspended: 0, spread: 0, roi_cap: 0 })
  })

  it.prop("yield no arbitrage whatever the de-vig method", [fairBooks], ([g]) => {
    assert.deepStrictEqual(arbitrages(priceFixture("F", g.quotes, settings({ devig: g.devig }), now).opportunities), [])
  })
})

// Any book: bookmakers quoting any subset of outcomes at any price, some old, some suspended.
const anyBook = Arbitrary.array(
  Arbitrary.all({
    present: Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 255 }))),
    prices: Arbitrary.all(Array.from({ length: 8 }, () => between(1.05, 8))),
    age: between(0, 90_000),
    suspended: Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 255 })))
  }),
  { minLength: 1, maxLength: 4 }
).pipe(Arbitrary.map((books) =>
  books.flatMap((book, b) =>
    markets.flatMap((market) =>
      marketSlots(market).flatMap((slot, i): Array<PricingQuote> =>
        book.present & (1 << slot.index)
          ? [quote(`B${b}`, market, outcomesOf[market][i]!, book.prices[slot.index]!, {
            age: book.age,
            suspended: (book.suspended & (1 << slot.index)) !== 0 && book.suspended > 200
          })]
          : []
      )
    )
  )
))

describe("any book", () => {
  it.prop("the result does not depend on the order of the quotes", [anyBook], ([quotes]) => {
    const forward = priceFixture("F", quotes, settings(), now)
    const backward = priceFixture("F", [...quotes].reverse(), settings(), now)
    assert.deepStrictEqual(backward, forward)
  })

  it.prop("every reported opportunity passes the sanity filters", [anyBook], ([quotes]) => {
    const s = settings()
    for (const o of priceFixture("F", quotes, s, now).opportunities) {
      const times = o.legs.map((l) => l.fetchedAt)
      assert.isTrue(Math.max(...times) - Math.min(...times) <= s.maxSpreadMs)
      assert.isTrue(times.every((t) => now - t <= s.freshnessMs))
      assert.isTrue((o.kind === "arbitrage" ? o.roi : o.edge) <= s.roiCap)
      const suspended = quotes.filter((q) => q.suspended === true)
      assert.isFalse(o.legs.some((l) => suspended.some((q) => q.bookmaker === l.bookmaker && q.outcome === l.outcome)))
    }
  })
})
