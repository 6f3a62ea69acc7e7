// The worker end to end against a real redis-server (live time, the ioredis layer and its publish-once
// script). Stream, group and fixture names are unique per test, so a shared server (REDIS_URL) is fine.
import { assert, describe, it as plain, layer } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { Redis } from "ioredis"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { WorkerConfig } from "../../src/config/WorkerConfig.ts"
import type { Market } from "../../src/domain/Market.ts"
import { layerIoredis } from "../../src/redis/ioredis.ts"
import { matchedStream } from "../../src/redis/keys.ts"
import { RedisConfig } from "../../src/redis/RedisConfig.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { RedisTestServer, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { addJobs, deadLetters, failingExec, hash, pendingIds, startWorker, streamFields } from "./harness.ts"
import { configLayer, entryOf, eventually, job, quoting, resolverLayer, type Waiting } from "./support.ts"

const live: Waiting = { tick: Effect.sleep, step: "50 millis", limit: 200 }

/** A test's own stream, group and fixtures, and a fast worker configuration. */
const scenario = () => {
  const id = crypto.randomUUID().slice(0, 8)
  const fixtures = [{ home: `Home ${id}`, away: `Away ${id}` }, { home: `Left ${id}`, away: `Right ${id}` }]
  const quotes = (b: "BookieAlpha" | "BookieBeta" | "BookieGamma") => ({ btts: quoting(b, fixtures), three_way: quoting(b, fixtures) })
  const env = {
    STREAM: `XTR-test_${id}_stream`,
    XTR_GROUP: `workers-${id}`,
    XTR_BATCH: "2",
    // One batch at a time, so what each publishes is known (see worker.test.ts for several).
    XTR_INFLIGHT: "1",
    MATCH_MIN: "2",
    XTR_WINDOW: "200 millis",
    XTR_BLOCK: "100 millis",
    XTR_JOB_TIMEOUT: "1 second",
    XTR_CLAIM_IDLE: "2500 millis" // over XTR_WINDOW + 2 × XTR_JOB_TIMEOUT
  }
  const layer = Layer.mergeAll(
    configLayer(env),
    resolverLayer,
    Extractors.fromMap({ BookieAlpha: quotes("BookieAlpha"), BookieBeta: quotes("BookieBeta"), BookieGamma: quotes("BookieGamma") })
  )
  /** This test's messages on a matched stream, as `entry bookmakers`. */
  const published = (market: Market) =>
    Effect.map(streamFields(matchedStream("upcoming", market)), (all) =>
      all.filter((m) => fixtures.some((f) => m.data_key === entryOf(f, market))).map((m) => `${m.data_key} ${m.bookmakers}`))
  return { fixtures, layer, published }
}

const suite = "worker on redis-server"
describe.skipIf(skipWithoutRedis(suite))(suite, () => {
  const store = Layer.unwrap(RedisTestServer.useSync((server) =>
    layerIoredis.pipe(Layer.provide(RedisConfig.layerFromEnv({ REDIS_URL: server.url, REDIS_COMMAND_TIMEOUT: "2 seconds" })))
  ))
  layer(store.pipe(Layer.provide(RedisTestServer.layer())), { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("jobs in → entries, bookie_updated and matched messages out, nothing pending", () => {
      const { fixtures, layer, published } = scenario()
      return Effect.gen(function*() {
        const ids = yield* addJobs([
          job("BookieAlpha"),
          job("BookieBeta"),
          job("BookieGamma"),
          job("BookieAlpha", "three_way"),
          job("BookieBeta", "three_way"),
          job("BookieOmega")
        ])
        const worker = yield* startWorker(live)
        yield* eventually(Effect.sync(() => worker.reports.length === 3), live)
        yield* worker.stop

        // Batches of two in stream order: btts matches with Alpha+Beta, again when Gamma joins; three_way once.
        assert.deepStrictEqual(worker.reports.map((r) => r.published), [2, 2, 2])
        const [a, b] = fixtures.map((f) => entryOf(f))
        assert.deepStrictEqual((yield* published("btts")).sort(), [
          `${a} BookieAlpha,BookieBeta`,
          `${a} BookieAlpha,BookieBeta,BookieGamma`,
          `${b} BookieAlpha,BookieBeta`,
          `${b} BookieAlpha,BookieBeta,BookieGamma`
        ].sort())
        assert.deepStrictEqual((yield* published("three_way")).length, 2)
        for (const f of fixtures) {
          const entry = yield* hash(entryOf(f))
          assert.includeMembers(Object.keys(entry), ["BookieAlpha", "BookieBeta", "BookieGamma", "fixture", "bookie_updated"])
          assert.isFalse(Number.isNaN(Date.parse(entry.bookie_updated!)))
        }
        assert.deepStrictEqual((yield* deadLetters).map((d) => d.dead_id), [ids[5]])
        assert.deepStrictEqual(yield* pendingIds, [])
      }).pipe(Effect.provide(layer))
    })

    it.effect("an acknowledgement lost after the writes: redelivered by XAUTOCLAIM, published once", () => {
      const { layer, published } = scenario()
      let lost = 1
      return Effect.gen(function*() {
        const inner = yield* RedisStore
        const flaky = failingExec(inner, (commands) => commands.some((c) => c.op === "xack") && lost-- > 0)
        yield* Effect.gen(function*() {
          yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
          const worker = yield* startWorker(live)
          yield* eventually(Effect.sync(() => worker.reports.length === 2), live)
          yield* worker.stop
          assert.deepStrictEqual(worker.reports.map((r) => [r.published, r.acked]), [[2, false], [0, true]])
          assert.strictEqual((yield* published("btts")).length, 2)
          assert.deepStrictEqual(yield* pendingIds, [])
        }).pipe(Effect.provideService(RedisStore, flaky))
      }).pipe(Effect.provide(layer))
    })

    it.effect("the group deleted under a running worker (NOGROUP) is recreated and work goes on", () => {
      const { layer, published } = scenario()
      return Effect.gen(function*() {
        const store = yield* RedisStore
        const { stream } = yield* WorkerConfig
        const worker = yield* startWorker(live)
        yield* eventually(Effect.map(store.groups(stream), (groups) => groups.length === 1), live)
        yield* store.exec([{ op: "del", key: stream }])
        yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
        yield* eventually(Effect.map(published("btts"), (p) => p.length === 2), live)
        yield* worker.stop
        assert.deepStrictEqual(yield* pendingIds, [])
      }).pipe(Effect.provide(layer))
    })
  })
})

// Issue 5: under `maxmemory` with `noeviction` Redis refuses writes but still accepts XACK. Here Redis runs out
// of memory just after a batch's entries were written, when it publishes: nothing is acknowledged, and once
// memory is back the redelivery publishes.
const oomSuite = "worker on a redis-server that runs out of memory (maxmemory, noeviction)"
describe.skipIf(skipWithoutRedis(oomSuite, { ownServer: true }))(oomSuite, () => {
  plain.live("publications refused after the entry writes: nothing acknowledged, published once memory is back", () => {
    const { fixtures, layer, published } = scenario()
    let outOfMemory = 1
    return Effect.gen(function*() {
      const server = yield* Effect.acquireRelease(
        Effect.promise(() => startRedisServer({ args: ["--maxmemory-policy", "noeviction"] })),
        (s) => Effect.promise(() => s.stop())
      )
      const admin = yield* Effect.acquireRelease(
        Effect.sync(() => new Redis(server.url, { protocol: 2 })),
        (client) => Effect.sync(() => client.disconnect())
      )
      const store = yield* Layer.build(layerIoredis.pipe(Layer.provide(RedisConfig.layerFromEnv({ REDIS_URL: server.url }))))
        .pipe(Effect.map((services) => Context.get(services, RedisStore)))
      const setMaxMemory = (bytes: number) => Effect.promise(() => admin.config("SET", "maxmemory", String(bytes)))
      // The first publications meet a full Redis (maxmemory 1 byte), which is freed right after.
      const filling = RedisStore.of({
        ...store,
        exec: (commands, options) =>
          commands.some((c) => c.op === "publishOnce") && outOfMemory-- > 0
            ? setMaxMemory(1).pipe(Effect.andThen(store.exec(commands, options)), Effect.ensuring(setMaxMemory(0)))
            : store.exec(commands, options)
      })
      yield* Effect.gen(function*() {
        const ids = yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
        const worker = yield* startWorker(live)
        yield* eventually(Effect.sync(() => worker.reports.length === 1), live)
        assert.deepStrictEqual(worker.reports[0], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 0, acked: false })
        assert.deepStrictEqual(yield* pendingIds, ids)
        assert.deepStrictEqual(yield* published("btts"), [])
        assert.includeMembers(Object.keys(yield* hash(entryOf(fixtures[0]!))), ["BookieAlpha", "BookieBeta"]) // written before
        yield* eventually(Effect.sync(() => worker.reports.length === 2), live)
        yield* worker.stop
        assert.deepStrictEqual(worker.reports[1], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 2, acked: true })
        assert.strictEqual((yield* published("btts")).length, 2)
        assert.deepStrictEqual(yield* pendingIds, [])
      }).pipe(Effect.provideService(RedisStore, filling))
    }).pipe(Effect.provide(layer), Effect.scoped)
  }, 30_000)
})
