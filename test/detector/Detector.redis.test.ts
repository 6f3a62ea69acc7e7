// The detector's core flow against a real redis-server (live time): lifecycle events, a poison message,
// a lost acknowledgement, and at the end nothing pending. Names are unique per test, so a shared
// server (REDIS_URL) is fine.
import { assert, describe, layer } from "@effect/vitest"
import { Duration, Effect, Layer } from "effect"
import { layerIoredis } from "../../src/redis/ioredis.ts"
import { matchedStream } from "../../src/redis/keys.ts"
import { RedisConfig } from "../../src/redis/RedisConfig.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { RedisTestServer, skipWithoutRedis } from "../support/redisServer.ts"
import { bttsArbitrage, detectorOn, eventsOf, faulty, lost, matched, pendingCount, published, quote } from "./support.ts"
import type { DetectorSettings } from "../../src/mispricing/detector/DetectorConfig.ts"
import type { Detector } from "../../src/mispricing/detector/Detector.ts"
import { matchedStreams } from "../../src/mispricing/detector/Detector.ts"

const uid = () => crypto.randomUUID().slice(0, 8)
const bttsStream = matchedStream("upcoming", "btts")

const fast = (group: string): Partial<DetectorSettings> => ({ group, block: Duration.millis(20), claimIdle: Duration.millis(300) })

/** Polls until a read finds nothing more (earlier tests' messages included: a new group starts at 0). */
const drain = (detector: Detector["Service"]) =>
  Effect.gen(function*() {
    let published = 0
    while (true) {
      const report = yield* detector.poll
      published += report.published
      if (report.acked === 0) return published
    }
  })

/** `event kind legs` of this fixture's events only. */
const eventsFor = (fixture: string) =>
  Effect.map(published, (all) => eventsOf(all.filter((f) => f.fixture === fixture)))

const nothingPending = (group: string) =>
  Effect.gen(function*() {
    for (const stream of matchedStreams) assert.strictEqual(yield* pendingCount(stream, group), 0, stream)
    const store = yield* RedisStore
    const info = (yield* store.groups(bttsStream)).find((g) => g.name === group)
    assert.strictEqual(info?.lag, 0)
  })

const suite = "Detector on redis-server"
describe.skipIf(skipWithoutRedis(suite))(suite, () => {
  const store = Layer.unwrap(RedisTestServer.useSync((server) =>
    layerIoredis.pipe(Layer.provide(RedisConfig.layerFromEnv({ REDIS_URL: server.url, REDIS_COMMAND_TIMEOUT: "2 seconds" })))
  ))
  layer(store.pipe(Layer.provide(RedisTestServer.layer())), { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("new, unchanged, updated, gone; poison dead-lettered; acknowledged after the writes", () =>
      Effect.gen(function*() {
        const store = yield* RedisStore
        const group = `det-${uid()}`
        const fixture = `fx-${uid()}`
        const detector = yield* detectorOn(store, `r-${uid()}`, fast(group))

        yield* bttsArbitrage(2.1, 2.1, fixture)
        yield* matched("btts", { fixture, enqueuedAt: Date.now() })
        const poison = yield* store.add(bttsStream, { data_key: `entry:${uid()}` })
        yield* drain(detector)
        const newOne = "new arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"
        assert.deepStrictEqual(yield* eventsFor(fixture), [newOne])
        const dead = (yield* store.range(`${bttsStream}:dead`, "-", "+", 10_000)).filter((e) => e.fields.dead_id === poison)
        assert.strictEqual(dead.length, 1)
        assert.match(dead[0]!.fields.dead_reason!, /^data_key is not an entry key/)

        yield* matched("btts", { fixture })
        yield* drain(detector)
        assert.deepStrictEqual(yield* eventsFor(fixture), [newOne])

        yield* bttsArbitrage(2.2, 2.1, fixture)
        yield* matched("btts", { fixture })
        yield* drain(detector)
        yield* quote("BookieAlpha", "btts", { yes: null, no: 1.7 }, { fixture })
        yield* matched("btts", { fixture })
        yield* drain(detector)
        assert.deepStrictEqual(yield* eventsFor(fixture), [
          newOne,
          "updated arbitrage yes@BookieAlpha:2.2 no@BookieBeta:2.1",
          "gone arbitrage yes@BookieAlpha:2.2 no@BookieBeta:2.1"
        ])
        assert.deepStrictEqual(yield* detector.active.pipe(Effect.map((a) => a.filter((t) => t.fixtureKey === fixture))), [])
        yield* nothingPending(group)
      }))

    it.effect("a lost acknowledgement: the message is reclaimed and nothing is published twice", () =>
      Effect.gen(function*() {
        const store = yield* RedisStore
        const group = `det-${uid()}`
        const fixture = `fx-${uid()}`
        let armed = false
        const crashing = faulty(store, (commands) => {
          if (!armed || !commands.every((c) => c.op === "xack")) return undefined
          armed = false
          return lost("exec")
        })
        const first = yield* detectorOn(crashing, `r-${uid()}`, fast(group))
        yield* drain(first) // earlier tests' messages, if any
        yield* bttsArbitrage(2.1, 2.1, fixture)
        yield* matched("btts", { fixture })
        armed = true
        yield* Effect.flip(first.poll)
        assert.strictEqual(yield* pendingCount(bttsStream, group), 1)
        assert.strictEqual((yield* eventsFor(fixture)).length, 1)

        // A restarted process (another consumer) reclaims it once idle.
        yield* Effect.sleep("350 millis")
        const second = yield* detectorOn(store, `r-${uid()}`, fast(group))
        assert.strictEqual((yield* second.reclaim).published, 0)
        assert.deepStrictEqual(yield* eventsFor(fixture), ["new arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"])
        yield* nothingPending(group)
      }))
  })
})
