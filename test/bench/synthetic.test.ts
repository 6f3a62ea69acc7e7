// The synthetic registry: quotes depend only on the job, coverage is as documented, and expectedMatches
// agrees with a brute-force count over the quotes the extractors actually return.
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer } from "effect"
import { fixturesOf, poolSize } from "../../src/bookmakers/synthetic/book.ts"
import { expectedMatches, type JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"
import { layerSynthetic } from "../../src/bookmakers/synthetic/layer.ts"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { Job } from "../../src/domain/Job.ts"
import { bookmakers, dataSources, type Market, markets } from "../../src/domain/Market.ts"
import type { Quote } from "../../src/domain/Quote.ts"

const withFixtures = (env: Record<string, string>) =>
  layerSynthetic.pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env }))))

const extractAll = (jobs: ReadonlyArray<JobLike>) =>
  Effect.gen(function*() {
    const registry = yield* Extractors
    const out: Array<Quote> = []
    for (const job of jobs) {
      const extractor = yield* registry.get(job.bookmaker, job.extractor_type)
      out.push(...(yield* extractor.extract(new Job(job))))
    }
    return out
  })

// Brute force: an entry is (source, market, fixture as listed); count its distinct bookmakers.
const bruteForce = (quotes: ReadonlyArray<Quote>, thresholds: { readonly [M in Market]: number }) => {
  const entries = new Map<string, { market: Market; books: Set<string> }>()
  for (const q of quotes) {
    const key = JSON.stringify([q.source, q.market, q.listing.home, q.listing.away, q.listing.kickoff])
    const e = entries.get(key) ?? { market: q.market, books: new Set<string>() }
    e.books.add(q.bookmaker)
    entries.set(key, e)
  }
  return [...entries.values()].filter((e) => e.books.size >= thresholds[e.market]).length
}

// A small deterministic generator, so the job mix (missing bookmakers, odd case) varies across cases.
const lcg = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x1_0000_0000

describe("synthetic book", () => {
  it("covers the pool 1,2,3,4,4,3,2,1 with S = 5", () => {
    const counts = Array.from({ length: poolSize(5) }, (_, i) => bookmakers.filter((b) => fixturesOf(b, 5).includes(i)).length)
    assert.deepStrictEqual(counts, [1, 2, 3, 4, 4, 3, 2, 1])
  })

  it.effect("answers every bookmaker (any case) and market, S fixtures per job, same job → same quotes", () =>
    Effect.gen(function*() {
      const job = { bookmaker: "bookiegamma", extractor_type: "three_way", data_source: "live", stream_date: "r42" } as const
      const [a, b] = [yield* extractAll([job]), yield* extractAll([job])]
      assert.strictEqual(a.length, 7)
      assert.deepStrictEqual(a, b)
      assert.isTrue(a.every((q) => q.bookmaker === "BookieGamma" && q.live !== undefined && q.prices.length === 3))
      const unknown = yield* Effect.flip((yield* Extractors).get("BookieOmega", "btts"))
      assert.strictEqual(unknown._tag, "UnknownBookmaker")
    }).pipe(Effect.provide(withFixtures({ SYNTH_FIXTURES: "7" }))))

  it.effect("rejects an invalid SYNTH_FIXTURES", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(Effect.void, withFixtures({ SYNTH_FIXTURES: "0" })))
      assert.include(String(error), "SYNTH_FIXTURES")
    }))

  it.effect("gives distinct fixtures distinct listings, and one fixture the same listing in every market", () =>
    Effect.gen(function*() {
      const jobs = Array.from({ length: 400 }, (_, r) =>
        markets.map((m) => ({ bookmaker: "BookieAlpha", extractor_type: m, data_source: "upcoming", stream_date: `d${r}` } as const))).flat()
      const quotes = yield* extractAll(jobs)
      const byFixture = new Map<string, string>()
      for (const q of quotes) {
        const fixture = q.eventId.slice(0, q.eventId.lastIndexOf(":"))
        const names = `${q.listing.home}|${q.listing.away}|${q.listing.kickoff}`
        assert.strictEqual(byFixture.get(fixture) ?? names, names)
        byFixture.set(fixture, names)
      }
      assert.strictEqual(new Set(byFixture.values()).size, byFixture.size)
      assert.strictEqual(byFixture.size, 400 * 5)
    }).pipe(Effect.provide(withFixtures({}))))

  for (const [seed, s] of [[1, 5], [2, 1], [3, 3], [4, 9]] as const) {
    it.effect(`expectedMatches equals a brute-force count (seed ${seed}, S = ${s})`, () =>
      Effect.gen(function*() {
        const rnd = lcg(seed)
        const jobs: Array<JobLike> = []
        for (let i = 0; i < 300; i++) {
          const b = bookmakers[Math.floor(rnd() * 4)]!
          jobs.push({
            bookmaker: rnd() < 0.2 ? b.toLowerCase() : b,
            extractor_type: markets[Math.floor(rnd() * 3)]!,
            data_source: dataSources[Math.floor(rnd() * 2)]!,
            stream_date: String(Math.floor(rnd() * 12))
          })
        }
        const quotes = yield* extractAll(jobs)
        let total = 0
        for (const thresholds of [{ btts: 2, three_way: 4, double_chance: 4 }, { btts: 1, three_way: 3, double_chance: 2 }]) {
          const expected = expectedMatches(jobs, thresholds, s)
          assert.strictEqual(expected, bruteForce(quotes, thresholds))
          total += expected
        }
        assert.isAbove(total, 0)
      }).pipe(Effect.provide(withFixtures({ SYNTH_FIXTURES: String(s) }))))
  }
})
