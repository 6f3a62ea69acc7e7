// The worker's batch stream on the in-memory store with test extractors, driven by TestClock.
import { assert, describe, it } from "@effect/vitest"
import { Clock, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import type { Extractor } from "../../src/bookmakers/Extractor.ts"
import { ExtractorFailed, PeriodOutOfRange } from "../../src/domain/errors.ts"
import type { Bookmaker } from "../../src/domain/Market.ts"
import { entriesMatched, groupsRecreated, jobsDeadLettered, jobsDone } from "../../src/pipeline/metrics.ts"
import { makeMemoryStore } from "../../src/redis/memory.ts"
import { type Command, RedisStore } from "../../src/redis/RedisStore.ts"
import {
  addJobs,
  batchSizes,
  count,
  deadLetters,
  failingExec,
  hash,
  matched,
  pendingDeliveries,
  pendingIds,
  startWorker,
  workerLayer
} from "./harness.ts"
import { entryOf, eventually, fixtures, job, quoting, stream } from "./support.ts"

const allQuoting = {
  BookieAlpha: { btts: quoting("BookieAlpha"), three_way: quoting("BookieAlpha") },
  BookieBeta: { btts: quoting("BookieBeta"), three_way: quoting("BookieBeta") },
  BookieGamma: { btts: quoting("BookieGamma"), three_way: quoting("BookieGamma") },
  BookieDelta: { btts: quoting("BookieDelta") }
}

/** An extractor step that takes a second and counts how many run at once (`running`, and the `peak`). */
const countingRuns = () => {
  const runs = {
    running: 0,
    peak: 0,
    extract: Effect.acquireUseRelease(
      Effect.sync(() => {
        runs.running++
        runs.peak = Math.max(runs.peak, runs.running)
      }),
      () => Effect.sleep("1 second"),
      () => Effect.sync(() => void runs.running--)
    )
  }
  return runs
}

/** An in-memory store whose first `exec` matching `which` waits a second (`holding` once it has started). */
const holdingFirst = (which: (commands: ReadonlyArray<Command>) => boolean) => {
  const state = { holding: false, done: false }
  const store = Layer.effect(RedisStore, Effect.map(makeMemoryStore, (inner) =>
    RedisStore.of({
      ...inner,
      exec: (commands, options) => {
        const first = !state.done && which(commands)
        if (first) state.done = true
        const wait = first ? Effect.sync(() => void (state.holding = true)).pipe(Effect.andThen(Effect.sleep("1 second"))) : Effect.void
        return Effect.andThen(wait, inner.exec(commands, options))
      }
    })))
  return { store, get holding() { return state.holding } }
}

describe("worker on the in-memory store", () => {
  it.effect("writes entries, publishes each match once and acknowledges the jobs", () =>
    Effect.gen(function*() {
      const done0 = yield* count(jobsDone)
      const matched0 = yield* count(entriesMatched)
      yield* addJobs([job("BookieAlpha"), job("bookiebeta"), job("BOOKIEGAMMA")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))

      assert.deepStrictEqual(worker.reports, [{ batches: [3], extracted: 3, retried: 0, dead: 0, published: 2, acked: true }])
      for (const f of fixtures) {
        const entry = yield* hash(entryOf(f))
        assert.deepStrictEqual(Object.keys(entry).sort(), [
          "BookieAlpha",
          "BookieBeta",
          "BookieGamma",
          "bookie_updated",
          "fixture",
          "mark:BookieAlpha",
          "mark:BookieBeta",
          "mark:BookieGamma",
          "published_sig",
          "written_by:0"
        ])
        const quote = JSON.parse(entry.BookieBeta!)
        assert.deepStrictEqual(JSON.parse(entry["mark:BookieBeta"]!), [quote.fetchedAt, "0", quote.jobId])
        assert.strictEqual(JSON.parse(entry.BookieBeta!).eventId, `BookieBeta-${f.home}`)
        assert.strictEqual(JSON.parse(entry.fixture!).home, f.home)
        assert.match(entry.bookie_updated!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      }
      const published = yield* matched
      assert.deepStrictEqual(published.map((m) => [m.data_key, m.bookmakers, m.stream_date]), [
        [entryOf(fixtures[0]!), "BookieAlpha,BookieBeta,BookieGamma", "0"],
        [entryOf(fixtures[1]!), "BookieAlpha,BookieBeta,BookieGamma", "0"]
      ])
      assert.isTrue(published.every((m) => !Number.isNaN(Date.parse(m.enqueued_at!))))
      assert.deepStrictEqual(yield* pendingIds, [])
      assert.strictEqual((yield* count(jobsDone)) - done0, 3)
      assert.strictEqual((yield* count(entriesMatched)) - matched0, 2)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting))))
})

describe("batching", () => {
  it.effect("emits a batch as soon as XTR_BATCH jobs are in, and the rest when XTR_WINDOW closes", () =>
    Effect.gen(function*() {
      yield* addJobs(["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta", "BookieAlpha"].map((b) => job(b)))
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 2), { step: "10 millis" })
      assert.deepStrictEqual(batchSizes(worker.reports), [2, 2])
      assert.isBelow(yield* Clock.currentTimeMillis, 1900)
      yield* TestClock.setTime(1900)
      assert.deepStrictEqual(batchSizes(worker.reports), [2, 2])
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 3), { step: "10 millis" })
      assert.deepStrictEqual(batchSizes(worker.reports), [2, 2, 1])
      assert.isAtLeast(yield* Clock.currentTimeMillis, 2000)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_BATCH: "2", XTR_WINDOW: "2 seconds" }))))

  it.effect("by default a batch is what one read brought: nothing waits for jobs not yet read", () =>
    Effect.gen(function*() {
      yield* addJobs(["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta", "BookieAlpha"].map((b) => job(b)))
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 3), { step: "1 millis" })
      assert.deepStrictEqual(batchSizes(worker.reports), [2, 2, 1])
      yield* addJobs([job("BookieBeta")])
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 4), { step: "1 millis" })
      assert.isBelow(yield* Clock.currentTimeMillis, 10)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_BATCH: "2" }))))

  it.effect("the batches extracted while a commit runs are committed together", () => {
    const firstWrite = holdingFirst(() => true)
    return Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => firstWrite.holding), { step: "1 millis" })
      yield* addJobs(["BookieBeta", "BookieGamma", "BookieDelta"].map((b) => job(b)))
      yield* eventually(Effect.sync(() => worker.reports.length === 2), { step: "100 millis" })
      assert.deepStrictEqual(worker.reports.map((r) => r.batches), [[1], [1, 1, 1]])
      assert.deepStrictEqual(worker.reports.map((r) => [r.extracted, r.published, r.acked]), [[1, 0, true], [3, 2, true]])
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_BATCH: "1" }, firstWrite.store)))
  })

  it.effect("the next commit writes while the previous one's acknowledgement is in flight", () => {
    const firstAck = holdingFirst((commands) => commands.some((c) => c.op === "xack"))
    return Effect.gen(function*() {
      const [first] = yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => firstAck.holding), { step: "1 millis" })
      yield* addJobs([job("BookieBeta", "three_way")])
      // The second job's quotes are written (and the first still pending) before the first XACK returns.
      yield* eventually(Effect.map(hash(entryOf(fixtures[0]!, "three_way")), (h) => h.BookieBeta !== undefined), { step: "1 millis" })
      assert.include(yield* pendingIds, first!)
      assert.strictEqual(worker.reports.length, 0)
      yield* eventually(Effect.sync(() => worker.reports.length === 2), { step: "100 millis" })
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_BATCH: "1" }, firstAck.store)))
  })

  it.effect("a lone job waits for the window, then goes alone", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* TestClock.setTime(4990)
      assert.strictEqual(worker.reports.length, 0)
      yield* eventually(Effect.sync(() => worker.reports.length === 1), { step: "1 millis" })
      assert.deepStrictEqual(batchSizes(worker.reports), [1])
      assert.isAtLeast(yield* Clock.currentTimeMillis, 5000)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_WINDOW: "5 seconds" }))))

  it.effect("runs at most XTR_CONCURRENCY extractors at once", () => {
    const runs = countingRuns()
    const map = { BookieAlpha: { btts: quoting("BookieAlpha", fixtures, runs.extract) } }
    return Effect.gen(function*() {
      yield* addJobs(["0", "1", "2", "3", "4", "5"].map((d) => job("BookieAlpha", "btts", d)))
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.strictEqual(worker.reports[0]!.extracted, 6)
      assert.strictEqual(runs.peak, 2)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "6", XTR_CONCURRENCY: "2" })))
  })
})

describe("batches in flight", () => {
  it.effect("runs up to XTR_INFLIGHT batches at once and holds no more jobs than they take", () => {
    const runs = countingRuns()
    const map = { BookieAlpha: { btts: quoting("BookieAlpha", fixtures, runs.extract) } }
    return Effect.gen(function*() {
      const ids = yield* addJobs(["0", "1", "2", "3", "4", "5", "6"].map((d) => job("BookieAlpha", "btts", d)))
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => runs.running === 4))
      // Two batches of two run; the other three jobs have not been read (never delivered, so never pending).
      assert.deepStrictEqual(yield* pendingIds, ids.slice(0, 4))
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 4), { step: "100 millis" })
      assert.strictEqual(runs.peak, 4)
      assert.deepStrictEqual(batchSizes(worker.reports).sort(), [1, 2, 2, 2])
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "2", XTR_INFLIGHT: "2", XTR_WINDOW: "100 millis" })))
  })

  it.effect("XTR_INFLIGHT=1: one batch at a time, the next read only once it is done", () => {
    const runs = countingRuns()
    const map = { BookieAlpha: { btts: quoting("BookieAlpha", fixtures, runs.extract) } }
    return Effect.gen(function*() {
      const ids = yield* addJobs(["0", "1", "2"].map((d) => job("BookieAlpha", "btts", d)))
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => runs.running === 2))
      assert.deepStrictEqual(yield* pendingIds, ids.slice(0, 2))
      yield* eventually(Effect.sync(() => batchSizes(worker.reports).length === 2), { step: "100 millis" })
      assert.strictEqual(runs.peak, 2)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "2", XTR_INFLIGHT: "1", XTR_WINDOW: "100 millis" })))
  })
})


describe("failures", () => {
  const failing = (bookmaker: Bookmaker): Extractor => ({
    extract: () => Effect.fail(new ExtractorFailed({ bookmaker, market: "btts", reason: "HTTP 503" }))
  })
  const outOfRange: Extractor = {
    extract: (j) => Effect.fail(new PeriodOutOfRange({ bookmaker: "BookieGamma", value: j.stream_date }))
  }
  const hanging: Extractor = { extract: () => Effect.never }
  const map = {
    BookieAlpha: { btts: quoting("BookieAlpha") },
    BookieBeta: { btts: quoting("BookieBeta") },
    BookieGamma: { btts: failing("BookieGamma"), three_way: outOfRange },
    BookieDelta: { btts: hanging }
  }

  it.effect("unknown bookmaker, missing market, bad period, failing and hanging extractors: the rest completes", () =>
    Effect.gen(function*() {
      const ids = yield* addJobs([
        job("BookieAlpha"),
        job("BookieBeta"),
        job("BookieZeta"),
        job("BookieAlpha", "double_chance"),
        job("BookieGamma", "three_way", "9"),
        job("BookieGamma"),
        job("BookieDelta"),
        { ...job("BookieAlpha"), extractor_type: "corners" }
      ])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      // The hanging extractor held the batch for XTR_JOB_TIMEOUT, not longer.
      assert.isAtMost(yield* Clock.currentTimeMillis, 5_500)
      assert.deepStrictEqual(worker.reports, [{ batches: [8], extracted: 2, retried: 2, dead: 4, published: 2, acked: true }])

      const dead = yield* deadLetters
      assert.deepStrictEqual(dead.map((d) => d.dead_id), [ids[2], ids[3], ids[4], ids[7]])
      assert.deepStrictEqual(dead.map((d) => d.bookmaker), ["BookieZeta", "BookieAlpha", "BookieGamma", "BookieAlpha"])
      assert.match(dead[0]!.dead_reason!, /UnknownBookmaker/)
      assert.match(dead[1]!.dead_reason!, /MissingMarket/)
      assert.match(dead[2]!.dead_reason!, /PeriodOutOfRange/)
      assert.match(dead[3]!.dead_reason!, /^undecodable job/)
      assert.isTrue(dead.every((d) => !Number.isNaN(Date.parse(d.dead_at!))))
      // The failing and the hanging jobs stay pending for a retry; the others are acknowledged.
      assert.deepStrictEqual(yield* pendingIds, [ids[5], ids[6]])
      assert.deepStrictEqual((yield* matched).map((m) => m.bookmakers), ["BookieAlpha,BookieBeta", "BookieAlpha,BookieBeta"])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "8", XTR_JOB_TIMEOUT: "5 seconds" }))))

  it.effect("a message that does not decode is dead-lettered with its fields and acknowledged at once", () =>
    Effect.gen(function*() {
      const huge = "x".repeat(100_000)
      const ids = yield* addJobs([{ bookmaker: huge, extractor_type: "btts", data_source: "live", stream_date: "live" }, { hello: "world" }])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      const dead = yield* deadLetters
      assert.deepStrictEqual(dead.map((d) => d.dead_id), ids)
      assert.strictEqual(dead[1]!.hello, "world")
      assert.isBelow(dead[0]!.bookmaker!.length, 2_000) // clipped, not copied whole
      assert.isBelow(dead[0]!.dead_reason!.length, 2_000)
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "2" }))))

  it.effect("a transient failure is retried after XTR_CLAIM_IDLE and dead-lettered at XTR_MAX_DELIVERIES", () =>
    Effect.gen(function*() {
      const dead0 = yield* count(jobsDeadLettered)
      const [id] = yield* addJobs([job("BookieGamma")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.deepStrictEqual(yield* pendingIds, [id])
      assert.deepStrictEqual(yield* deadLetters, [])
      yield* eventually(Effect.sync(() => worker.reports.length === 2), { step: "1 second" })
      assert.deepStrictEqual(yield* pendingDeliveries, [2])
      assert.deepStrictEqual(yield* deadLetters, [])
      yield* eventually(Effect.sync(() => worker.reports.length === 3), { step: "1 second" })
      assert.deepStrictEqual(worker.reports.map((r) => [r.retried, r.dead]), [[1, 0], [1, 0], [0, 1]])
      const dead = yield* deadLetters
      assert.deepStrictEqual(dead.map((d) => d.dead_id), [id])
      assert.match(dead[0]!.dead_reason!, /^gave up after 3 deliveries: .*HTTP 503/)
      assert.deepStrictEqual(yield* pendingIds, [])
      assert.strictEqual((yield* count(jobsDeadLettered)) - dead0, 1)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_MAX_DELIVERIES: "3", XTR_CLAIM_IDLE: "30 seconds", XTR_JOB_TIMEOUT: "10 seconds" }))))
})

/** The in-memory store, except that `exec` fails while `failing(commands)` says so. */
const storeFailing = (failing: (commands: ReadonlyArray<Command>) => boolean) =>
  Layer.effect(RedisStore, Effect.map(makeMemoryStore, (inner) => failingExec(inner, failing)))

const writes = (commands: ReadonlyArray<Command>) => commands.some((c) => c.op !== "xack" && c.op !== "hgetall")

describe("acknowledgement", () => {
  const map = { BookieAlpha: { btts: quoting("BookieAlpha") }, BookieBeta: { btts: quoting("BookieBeta") } }

  it.effect("nothing is acknowledged while writes fail (Redis out of memory); the jobs are retried afterwards", () => {
    let oom = true
    return Effect.gen(function*() {
      const ids = yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.deepStrictEqual(worker.reports[0], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 0, acked: false })
      assert.deepStrictEqual(yield* pendingIds, ids)
      assert.deepStrictEqual(yield* matched, [])
      oom = false
      yield* eventually(Effect.sync(() => worker.reports.length === 2), { step: "1 second" })
      assert.deepStrictEqual(worker.reports[1], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 2, acked: true })
      assert.deepStrictEqual(yield* pendingIds, [])
      assert.strictEqual((yield* matched).length, 2)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "2" }, storeFailing((commands) => oom && writes(commands)))))
  })

  it.effect("a job redelivered after its writes (the acknowledgement was lost) does not publish twice", () => {
    let ackFailures = 1
    return Effect.gen(function*() {
      const ids = yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.deepStrictEqual(worker.reports[0], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 2, acked: false })
      assert.deepStrictEqual(yield* pendingIds, ids)
      const first = yield* matched
      assert.strictEqual(first.length, 2)
      const sig = (yield* hash(entryOf(fixtures[0]!))).published_sig

      yield* eventually(Effect.sync(() => worker.reports.length === 2), { step: "1 second" })
      assert.deepStrictEqual(worker.reports[1], { batches: [2], extracted: 2, retried: 0, dead: 0, published: 0, acked: true })
      assert.deepStrictEqual(yield* matched, first)
      assert.strictEqual((yield* hash(entryOf(fixtures[0]!))).published_sig, sig)
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(
      map,
      { XTR_BATCH: "2" },
      storeFailing((commands) => commands.some((c) => c.op === "xack") && ackFailures-- > 0)
    )))
  })

  it.effect("a bookmaker's quote stored by an earlier batch counts towards a later match", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.strictEqual(worker.reports[0]!.published, 0)
      yield* addJobs([job("BookieBeta")])
      yield* eventually(Effect.sync(() => worker.reports.length === 2))
      assert.strictEqual(worker.reports[1]!.published, 2)
      assert.deepStrictEqual((yield* matched).map((m) => m.bookmakers), ["BookieAlpha,BookieBeta", "BookieAlpha,BookieBeta"])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "1" }))))

  it.effect("after NOGROUP (Redis restarted empty) the group is recreated, counted, and work goes on", () =>
    Effect.gen(function*() {
      const recreated0 = yield* count(groupsRecreated)
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      const store = yield* RedisStore
      yield* store.exec([{ op: "del", key: stream }])
      yield* TestClock.adjust("2 seconds")
      assert.isAbove((yield* count(groupsRecreated)) - recreated0, 0)
      yield* addJobs([job("BookieBeta")])
      yield* eventually(Effect.sync(() => worker.reports.length === 2))
      assert.deepStrictEqual(yield* pendingIds, [])
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "1" }))))
})
