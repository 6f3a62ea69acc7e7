// Pricing alone: fixtures priced per second with all three markets quoted by four bookmakers (8 outcomes ×
// 4 = 32 quotes per fixture): within-market and cross-market arbitrage (the LP), de-vig and value. Prices come
// from the synthetic book; one fixture in 20 gets one price raised 25 % so opportunities are found too.
import { syntheticQuotes } from "../../src/bookmakers/synthetic/book.ts"
import { bookmakers, markets } from "../../src/domain/Market.ts"
import type { PricingQuote } from "../../src/mispricing/book.ts"
import { priceFixture } from "../../src/mispricing/priceFixture.ts"
import { defaultSettings } from "../../src/mispricing/Settings.ts"
import { type Benchmark, scaled } from "../lib/context.ts"
import { timed } from "../lib/timing.ts"

const fixtureQuotes = (fixtures: number, fetchedAt: string): ReadonlyArray<ReadonlyArray<PricingQuote>> =>
  Array.from({ length: fixtures }, (_, f) => {
    const quotes = bookmakers.flatMap((bookmaker) =>
      markets.flatMap((market) =>
        // Fixture `f` of period `p{f}` is the first fixture every bookmaker's job shares (index 3).
        syntheticQuotes({ bookmaker, market, source: "upcoming", streamDate: `p${f}` }, 5, fetchedAt)
          .filter((q) => q.eventId.startsWith(`syn:upcoming:p${f}:3:`))
          .flatMap((q) => q.prices.map((p): PricingQuote => ({ bookmaker, market, outcome: p.outcome, price: p.price!, fetchedAt })))
      )
    )
    return f % 20 === 0 ? quotes.map((q, i) => (i === 0 ? { ...q, price: q.price * 1.25 } : q)) : quotes
  })

export const pricingBench: Benchmark = {
  name: "pricing",
  rows: [{ id: "pricing", label: "pricing: fixtures, all markets × 4 bookmakers", unit: "fixtures/s", digits: 0 }],
  unavailable: () => undefined,
  runOnce: async (ctx) => {
    const fixtures = scaled(20_000, ctx.scale, 50)
    const now = Date.now()
    const all = fixtureQuotes(fixtures, new Date(now - 1000).toISOString())
    const { result, seconds } = timed(() => all.map((quotes, f) => priceFixture(`fixture-${f}`, quotes, defaultSettings, now)))
    const complete = all.every((q) => q.length === bookmakers.length * 8)
    const found = result.reduce((n, r) => n + r.opportunities.length, 0)
    return {
      samples: [{ id: "pricing", value: fixtures / seconds }],
      checks: [
        { name: "every fixture has 32 quotes", ok: complete, detail: `${all[0]?.length ?? 0} quotes on the first` },
        { name: "opportunities found", ok: found > 0, detail: `${found} on ${fixtures} fixtures` }
      ]
    }
  }
}
