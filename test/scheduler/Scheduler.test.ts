import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Metric } from "effect"
import { TestClock } from "effect/testing"
import { layerMemory } from "../../src/redis/memory.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { jobsDropped, roundsSkipped, runRound, runScheduler } from "../../src/scheduler/Scheduler.ts"
import { SchedulerConfig, type SchedulerSettings } from "../../src/scheduler/SchedulerConfig.ts"

const group = "bookies-workers"
const settings = {
  liveEvery: Duration.seconds(5),
  upcomingEvery: Duration.minutes(1),
  days: 2,
  bookmakers: ["BookieAlpha", "BookieBeta"] as const,
  markets: ["btts", "three_way", "double_chance"] as const,
  maxBacklog: 5,
  inflight: 100,
  jobWait: Duration.seconds(1),
  pace: Duration.millis(20),
  group
}
const TestLayer = (over: Partial<SchedulerSettings> = {}) =>
  Layer.mergeAll(Layer.succeed(SchedulerConfig, { ...settings, ...over }), layerMemory)

const lengths = (streams: ReadonlyArray<string>) =>
  RedisStore.use((store) => Effect.forEach(streams, (s) => store.streamLength(s)))

const live = ["XTR-BTTS_live_stream", "XTR-THREE_WAY_live_stream", "XTR-DOUBLE_CHANCE_live_stream"]
const upcoming = ["XTR-BTTS_upcoming_stream", "XTR-THREE_WAY_upcoming_stream", "XTR-DOUBLE_CHANCE_upcoming_stream"]

describe("Scheduler", () => {
  it.effect("emits each source's rounds on its own cadence, every job stamped with its enqueue time", () =>
    Effect.gen(function*() {
      const fiber = yield* runScheduler.pipe(Effect.forkChild)
      yield* TestClock.adjust(0)
      // First rounds at once: 2 bookmakers live; 2 bookmakers × 2 days upcoming.
      assert.deepStrictEqual(yield* lengths(live), [2, 2, 2])
      assert.deepStrictEqual(yield* lengths(upcoming), [4, 4, 4])
      yield* TestClock.adjust("4999 millis")
      assert.deepStrictEqual(yield* lengths(live), [2, 2, 2])
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* lengths(live), [4, 4, 4])
      assert.deepStrictEqual(yield* lengths(upcoming), [4, 4, 4])

      const store = yield* RedisStore
      const jobs = yield* store.range("XTR-THREE_WAY_live_stream", "-", "+", 10)
      assert.deepStrictEqual(jobs.map((j) => j.fields), [
        { bookmaker: "BookieAlpha", extractor_type: "three_way", data_source: "live", stream_date: "live", enqueued_at: "0" },
        { bookmaker: "BookieBeta", extractor_type: "three_way", data_source: "live", stream_date: "live", enqueued_at: "0" },
        { bookmaker: "BookieAlpha", extractor_type: "three_way", data_source: "live", stream_date: "live", enqueued_at: "5000" },
        { bookmaker: "BookieBeta", extractor_type: "three_way", data_source: "live", stream_date: "live", enqueued_at: "5000" }
      ])
      const days = yield* store.range("XTR-BTTS_upcoming_stream", "-", "+", 10)
      assert.deepStrictEqual(days.map((j) => `${j.fields.bookmaker}/${j.fields.stream_date}`), [
        "BookieAlpha/0",
        "BookieBeta/0",
        "BookieAlpha/1",
        "BookieBeta/1"
      ])
      yield* TestClock.adjust("1 minute")
      assert.deepStrictEqual(yield* lengths(upcoming), [8, 8, 8])
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(TestLayer({ maxBacklog: 1000 }))))

  it.effect("skips a stream's round while its backlog (undelivered + pending) is above the limit", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = "XTR-BTTS_live_stream"
      const skipped = Metric.withAttributes(roundsSkipped, { stream })
      const skippedBefore = (yield* Metric.value(skipped)).count
      const round = runRound("live").pipe(Effect.map((r) => r.skipped.map((s) => s.stream)))

      // No group yet: the stream's length is its backlog. 0, 2, 4 ≤ 5 are admitted; 6 is not.
      for (const expected of [2, 4, 6]) {
        assert.deepStrictEqual(yield* round, [])
        assert.strictEqual(yield* store.streamLength(stream), expected)
      }
      assert.deepStrictEqual(yield* round, live)
      assert.strictEqual(yield* store.streamLength(stream), 6)

      // A worker reads everything: lag 0 but 6 pending, still above the limit.
      yield* store.ensureGroup(stream, group, "0")
      const read = yield* store.readGroup({ group, consumer: "w1", streams: [{ stream, id: ">" }], count: 100, blockMs: 0 })
      assert.strictEqual(read.length, 6)
      const other = yield* runRound("live")
      assert.deepStrictEqual(other.skipped, [
        { stream, pending: 6, undelivered: 0 },
        { stream: "XTR-THREE_WAY_live_stream", pending: 0, undelivered: 6 },
        { stream: "XTR-DOUBLE_CHANCE_live_stream", pending: 0, undelivered: 6 }
      ])

      // Four acknowledged: 2 pending ≤ 5, the round goes through again on that stream only.
      yield* store.exec([{ op: "xack", stream, group, ids: read.slice(0, 4).map((e) => e.id) }])
      const after = yield* runRound("live")
      assert.deepStrictEqual(after.enqueued, [{ stream, jobs: 2 }])
      assert.strictEqual(yield* store.streamLength(stream), 8)
      assert.strictEqual((yield* Metric.value(skipped)).count - skippedBefore, 2)
    }).pipe(Effect.provide(TestLayer())))

  it.effect("adds a round as the workers get through it: SCHED_INFLIGHT at a time, each job stamped when added", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = "XTR-BTTS_upcoming_stream"
      const take = store.readGroup({ group, consumer: "w1", streams: [{ stream, id: ">" }], count: 10, blockMs: 0 })
      const ack = (ids: ReadonlyArray<string>) => store.exec([{ op: "xack", stream, group, ids }])
      yield* store.ensureGroup(stream, group, "0")
      const round = yield* runRound("upcoming").pipe(Effect.forkChild)
      yield* TestClock.adjust("100 millis")
      assert.strictEqual(yield* store.streamLength(stream), 1) // 4 jobs planned, 1 at a time; not taken yet

      const [a0] = yield* take // delivered at 100 ms
      yield* TestClock.adjust("20 millis")
      assert.strictEqual(yield* store.streamLength(stream), 1) // running
      yield* ack([a0!.id])
      yield* TestClock.adjust("20 millis")
      assert.strictEqual(yield* store.streamLength(stream), 2) // done: the next one

      yield* take // delivered at 140 ms and never acknowledged (slow, or failed: pending until reclaimed)
      yield* TestClock.adjust("999 millis")
      assert.strictEqual(yield* store.streamLength(stream), 2)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(yield* store.streamLength(stream), 3) // SCHED_JOB_WAIT after its delivery it no longer holds the round
      const [a1] = yield* take
      yield* ack([a1!.id])
      yield* TestClock.adjust("20 millis")
      const result = yield* Fiber.join(round)
      assert.deepStrictEqual(result, { enqueued: [{ stream, jobs: 4 }], dropped: [], skipped: [] })
      const jobs = yield* store.range(stream, "-", "+", 10)
      assert.deepStrictEqual(jobs.map((j) => `${j.fields.bookmaker}/${j.fields.stream_date}@${j.fields.enqueued_at}`), [
        "BookieAlpha/0@0",
        "BookieBeta/0@140",
        "BookieAlpha/1@1140",
        "BookieBeta/1@1160"
      ])
    }).pipe(Effect.provide(TestLayer({ inflight: 1, markets: ["btts"] }))))

  it.effect("drops the jobs the workers have not taken by the time the next round is due", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = "XTR-BTTS_upcoming_stream"
      const dropped = Metric.withAttributes(jobsDropped, { stream })
      const droppedBefore = (yield* Metric.value(dropped)).count
      const round = yield* runRound("upcoming").pipe(Effect.forkChild)
      yield* TestClock.adjust("59 seconds")
      assert.isUndefined(round.pollUnsafe())
      yield* TestClock.adjust("1 second")
      const result = yield* Fiber.join(round)
      assert.deepStrictEqual(result, { enqueued: [{ stream, jobs: 3 }], dropped: [{ stream, jobs: 1 }], skipped: [] })
      assert.strictEqual(yield* store.streamLength(stream), 3)
      assert.strictEqual((yield* Metric.value(dropped)).count - droppedBefore, 1)
    }).pipe(Effect.provide(TestLayer({ inflight: 3, markets: ["btts"] }))))
})
