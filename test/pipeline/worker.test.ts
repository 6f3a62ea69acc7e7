// The worker's batch stream on the in-memory store with test extractors, driven by TestClock.
import { assert, describe, it } from "@effect/vitest"
import { Clock, Effect } from "effect"
import { TestClock } from "effect/testing"
import { entriesMatched, jobsDone } from "../../src/pipeline/metrics.ts"
import { addJobs, count, hash, matched, pendingIds, startWorker, workerLayer } from "./harness.ts"
import { entryOf, eventually, fixtures, job, quoting } from "./support.ts"

const allQuoting = {
  BookieAlpha: { btts: quoting("BookieAlpha"), three_way: quoting("BookieAlpha") },
  BookieBeta: { btts: quoting("BookieBeta"), three_way: quoting("BookieBeta") },
  BookieGamma: { btts: quoting("BookieGamma"), three_way: quoting("BookieGamma") },
  BookieDelta: { btts: quoting("BookieDelta") }
}

describe("worker on the in-memory store", () => {
  it.effect("writes entries, publishes each match once and acknowledges the jobs", () =>
    Effect.gen(function*() {
      const done0 = yield* count(jobsDone)
      const matched0 = yield* count(entriesMatched)
      yield* addJobs([job("BookieAlpha"), job("bookiebeta"), job("BOOKIEGAMMA")])
      const worker = yield* startWorker
      yield* eventually(Effect.sync(() => worker.reports.length === 1))

      assert.deepStrictEqual(worker.reports, [{ extracted: 3, retried: 0, dead: 0, published: 2, acked: true }])
      for (const f of fixtures) {
        const entry = yield* hash(entryOf(f))
        assert.deepStrictEqual(Object.keys(entry).sort(), [
          "BookieAlpha",
          "BookieBeta",
          "BookieGamma",
          "bookie_updated",
          "fixture",
          "published_sig"
        ])
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
      const worker = yield* startWorker
      yield* eventually(Effect.sync(() => worker.reports.length === 2), "10 millis")
      assert.deepStrictEqual(worker.reports.map(size), [2, 2])
      assert.isBelow(yield* Clock.currentTimeMillis, 1900)
      yield* TestClock.setTime(1900)
      assert.deepStrictEqual(worker.reports.map(size), [2, 2])
      yield* eventually(Effect.sync(() => worker.reports.length === 3), "10 millis")
      assert.deepStrictEqual(worker.reports.map(size), [2, 2, 1])
      assert.isAtLeast(yield* Clock.currentTimeMillis, 2000)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_BATCH: "2", XTR_WINDOW: "2 seconds" }))))

  it.effect("a lone job waits for the window, then goes alone", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker
      yield* TestClock.setTime(4990)
      assert.strictEqual(worker.reports.length, 0)
      yield* eventually(Effect.sync(() => worker.reports.length === 1), "1 millis")
      assert.deepStrictEqual(worker.reports.map(size), [1])
      assert.isAtLeast(yield* Clock.currentTimeMillis, 5000)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(allQuoting, { XTR_WINDOW: "5 seconds" }))))

  it.effect("runs at most XTR_CONCURRENCY extractors at once", () => {
    let running = 0
    let peak = 0
    const counted = Effect.acquireUseRelease(
      Effect.sync(() => {
        running++
        peak = Math.max(peak, running)
      }),
      () => Effect.sleep("1 second"),
      () => Effect.sync(() => void running--)
    )
    const map = { BookieAlpha: { btts: quoting("BookieAlpha", fixtures, counted) } }
    return Effect.gen(function*() {
      yield* addJobs(["0", "1", "2", "3", "4", "5"].map((d) => job("BookieAlpha", "btts", d)))
      const worker = yield* startWorker
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.strictEqual(worker.reports[0]!.extracted, 6)
      assert.strictEqual(peak, 2)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "6", XTR_CONCURRENCY: "2" })))
  })
})

const size = (r: { extracted: number; retried: number; dead: number }) => r.extracted + r.retried + r.dead
