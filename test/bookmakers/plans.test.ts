// The fetch plans that differ between bookmakers: Gamma's cached market catalogue, Beta's bounded
// tournament fan-out, Delta's id chunks.
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Fiber, Layer } from "effect"
import { HttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { httpSettings } from "../../src/bookmakers/http/settings.ts"
import { Job } from "../../src/domain/Job.ts"
import type { Bookmaker, DataSource, Market } from "../../src/domain/Market.ts"
import { json, registryWith, simClient } from "./support/clients.ts"
import { crowdedView, now, view } from "./support/view.ts"

const extract = (bookmaker: Bookmaker, market: Market, source: DataSource, streamDate: string) =>
  Effect.gen(function*() {
    const extractor = yield* (yield* Extractors).get(bookmaker, market)
    return yield* extractor.extract(new Job({ bookmaker, extractor_type: market, data_source: source, stream_date: streamDate }))
  })

const count = (seen: ReadonlyArray<string>, prefix: string) => seen.filter((s) => s.startsWith(prefix)).length

describe("Gamma's market catalogue", () => {
  it.effect("is fetched once and shared by every job and market", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      yield* TestClock.setTime(now.getTime())
      yield* extract("BookieGamma", "btts", "upcoming", "0")
      yield* extract("BookieGamma", "three_way", "upcoming", "2")
      yield* extract("BookieGamma", "double_chance", "live", "live")
      assert.strictEqual(count(seen, "/gamma/api/v2/catalogue"), 1)
      assert.deepStrictEqual(seen.slice(1), [
        "/gamma/api/v2/fixtures?day=0&marketId=1038",
        "/gamma/api/v2/fixtures?day=2&marketId=1001",
        "/gamma/api/v2/inplay?marketId=1077"
      ])
    }).pipe(Effect.provide(registryWith(simClient(view, seen))))
  })

  it.effect("is fetched again once its TTL has passed", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      yield* extract("BookieGamma", "btts", "upcoming", "0")
      yield* TestClock.adjust("59 minutes")
      yield* extract("BookieGamma", "btts", "upcoming", "0")
      assert.strictEqual(count(seen, "/gamma/api/v2/catalogue"), 1)
      yield* TestClock.adjust("2 minutes")
      yield* extract("BookieGamma", "btts", "upcoming", "0")
      assert.strictEqual(count(seen, "/gamma/api/v2/catalogue"), 2)
    }).pipe(Effect.provide(registryWith(simClient(view, seen), { BOOKIE_GAMMA_CATALOGUE_TTL: "1 hour" })))
  })

  it.effect("is not cached when its fetch failed, nor when it lacks the market", () => {
    const seen: Array<string> = []
    let catalogues = 0
    const sim = simClient(view, seen)
    const flaky = HttpClient.make((request, url) => {
      if (url.pathname !== "/gamma/api/v2/catalogue") return sim.execute(request)
      catalogues++
      if (catalogues === 1) return Effect.succeed(json(request, { error: "down" }, 503))
      if (catalogues === 2) return Effect.succeed(json(request, { sport: "football", markets: [] }))
      return sim.execute(request)
    })
    return Effect.gen(function*() {
      const failed = yield* Effect.flip(extract("BookieGamma", "btts", "upcoming", "0"))
      assert.deepInclude(failed, { _tag: "ExtractorFailed", market: "catalogue" })
      const lacking = yield* Effect.flip(extract("BookieGamma", "btts", "upcoming", "0"))
      assert.deepInclude(lacking, { _tag: "PayloadInvalid", market: "btts", period: "0", path: "$.markets" })
      assert.isAbove((yield* extract("BookieGamma", "btts", "upcoming", "0")).length, 0)
      assert.strictEqual(catalogues, 3)
    }).pipe(Effect.provide(registryWith(flaky, { BOOKIE_RETRIES: "0" })))
  })
})

describe("Beta's tournament fan-out", () => {
  it.effect("fetches every tournament, at most BOOKIE_BETA_FANOUT at once", () => {
    let inFlight = 0
    let peak = 0
    const seen: Array<string> = []
    const sim = simClient(crowdedView(24, 12), seen)
    const slow = HttpClient.make((request, url) =>
      url.pathname.endsWith("/events")
        ? Effect.gen(function*() {
          peak = Math.max(peak, ++inFlight)
          yield* Effect.sleep("50 millis")
          inFlight--
          return yield* sim.execute(request)
        })
        : sim.execute(request)
    )
    return Effect.gen(function*() {
      yield* TestClock.setTime(now.getTime())
      const fiber = yield* Effect.forkChild(extract("BookieBeta", "three_way", "upcoming", "0"))
      yield* TestClock.adjust("1 second")
      const quotes = yield* Fiber.join(fiber)
      assert.strictEqual(quotes.length, 24)
      assert.strictEqual(count(seen, "/beta/sports/football/tournaments/"), 12)
      assert.strictEqual(peak, 3)
    }).pipe(Effect.provide(registryWith(slow, { BOOKIE_BETA_FANOUT: "3", BOOKIE_CONCURRENCY: "10" })))
  })
})

describe("Delta's id chunks", () => {
  it.effect("asks for markets in chunks of BOOKIE_DELTA_CHUNK ids, each id once", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      yield* TestClock.setTime(now.getTime())
      const quotes = yield* extract("BookieDelta", "btts", "upcoming", "0")
      assert.strictEqual(quotes.length, 120)
      assert.deepStrictEqual(seen[0], "/delta/feed/events?date=2024-05-01")
      const chunks = seen.slice(1).map((s) => new URL(s, "http://x").searchParams.get("ids")!.split(","))
      assert.deepStrictEqual(chunks.map((c) => c.length), [50, 50, 20])
      assert.strictEqual(new Set(chunks.flat()).size, 120)
    }).pipe(Effect.provide(registryWith(simClient(crowdedView(120, 4), seen), { BOOKIE_DELTA_CHUNK: "50" })))
  })

  it.effect("never puts an unsafe id from the list into a request", () => {
    const seen: Array<string> = []
    const sim = simClient(view, seen, (path, body: any) => {
      if (path === "/delta/feed/events") body.ids.push("../../admin", "x,y", "delta-f1")
      return body
    })
    return Effect.gen(function*() {
      yield* TestClock.setTime(now.getTime())
      const quotes = yield* extract("BookieDelta", "three_way", "upcoming", "0")
      assert.deepStrictEqual(quotes.map((q) => q.eventId), ["delta-f1", "delta-f2"])
      assert.deepStrictEqual(seen.slice(1), ["/delta/feed/markets?ids=delta-f1%2Cdelta-f2&type=1X2"])
    }).pipe(Effect.provide(registryWith(sim)))
  })
})

describe("configuration", () => {
  const parse = (env: Record<string, string>) => httpSettings("BookieAlpha").parse(ConfigProvider.fromEnv({ env }))

  it.effect("defaults, global settings and per-bookmaker overrides", () =>
    Effect.gen(function*() {
      const defaults = yield* parse({})
      assert.strictEqual(defaults.baseUrl, "http://127.0.0.1:8700/alpha")
      assert.deepStrictEqual(
        [defaults.retries, defaults.concurrency, defaults.maxBodyBytes, Duration.toMillis(defaults.timeout)],
        [3, 4, 16 * 1024 * 1024, 10_000]
      )
      const set = yield* parse({
        BOOKIE_ALPHA_URL: "https://alpha.example/feed/",
        BOOKIE_CONCURRENCY: "8",
        BOOKIE_ALPHA_CONCURRENCY: "2",
        BOOKIE_BETA_TIMEOUT: "1 second",
        BOOKIE_TIMEOUT: "3 seconds"
      })
      assert.strictEqual(set.baseUrl, "https://alpha.example/feed")
      assert.strictEqual(set.concurrency, 2)
      assert.strictEqual(Duration.toMillis(set.timeout), 3_000)
    }))

  it.effect("an invalid BOOKIE_* value fails the registry with a ConfigError", () =>
    Effect.gen(function*() {
      for (const env of [{ BOOKIE_CONCURRENCY: "0" }, { BOOKIE_BETA_TIMEOUT: "soon" }, { BOOKIE_ALPHA_URL: "ftp://x" }]) {
        const error = yield* Effect.flip(Layer.build(registryWith(simClient(view), env)))
        assert.strictEqual(error._tag, "ConfigError", JSON.stringify(env))
      }
    }))
})
