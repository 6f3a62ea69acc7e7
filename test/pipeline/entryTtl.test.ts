// When an entry write carries an EXPIRE (src/pipeline/entryTtl.ts), and that entries do expire.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { makeEntryTtl } from "../../src/pipeline/entryTtl.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { addJobs, hash, startWorker, workerLayer } from "./harness.ts"
import { entryOf, eventually, fixtures, job, quoting } from "./support.ts"

describe("makeEntryTtl", () => {
  it("a key is due when never set, then again once half the TTL has passed", () => {
    const ttl = makeEntryTtl(10_000)
    assert.isTrue(ttl.due("a", 0))
    ttl.set(["a"], 0)
    assert.isFalse(ttl.due("a", 4_999))
    assert.isTrue(ttl.due("a", 5_000))
    assert.isTrue(ttl.due("b", 1))
  })

  it("keeps at most maxKeys: past it, every key is due again", () => {
    const ttl = makeEntryTtl(10_000, 2)
    ttl.set(["a", "b"], 0)
    assert.isFalse(ttl.due("a", 1))
    ttl.set(["c"], 1)
    assert.isTrue(ttl.due("a", 2))
    assert.isFalse(ttl.due("c", 2))
  })
})

describe("entry expiry", () => {
  const map = { BookieAlpha: { btts: quoting("BookieAlpha") }, BookieBeta: { btts: quoting("BookieBeta") } }
  const entry = entryOf(fixtures[0]!)
  const present = Effect.map(hash(entry), (h) => Object.keys(h).length > 0)

  it.effect("an entry expires XTR_ENTRY_TTL after its first write", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      assert.isTrue(yield* present)
      yield* TestClock.adjust("21 seconds")
      assert.isFalse(yield* present)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "1", XTR_ENTRY_TTL: "20 seconds" }))))

  it.effect("an entry that Redis lost is given its TTL again when a write creates it anew", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      yield* RedisStore.use((store) => store.exec([{ op: "del", key: entry }]))
      yield* TestClock.adjust("1 second") // well within half the TTL: no EXPIRE is due for this entry
      yield* addJobs([job("BookieBeta")])
      yield* eventually(Effect.sync(() => worker.reports.length === 2))
      assert.isTrue(yield* present)
      yield* TestClock.adjust("21 seconds")
      assert.isFalse(yield* present)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "1", XTR_ENTRY_TTL: "20 seconds" }))))

  it.effect("a written entry is not expired early: rewritten after half the TTL, it lives on", () =>
    Effect.gen(function*() {
      yield* addJobs([job("BookieAlpha")])
      const worker = yield* startWorker()
      yield* eventually(Effect.sync(() => worker.reports.length === 1))
      yield* TestClock.adjust("11 seconds")
      yield* addJobs([job("BookieBeta")])
      yield* eventually(Effect.sync(() => worker.reports.length === 2))
      yield* TestClock.adjust("15 seconds") // 26 s after the first write, 15 s after the second
      assert.isTrue(yield* present)
      yield* worker.stop
    }).pipe(Effect.provide(workerLayer(map, { XTR_BATCH: "1", XTR_ENTRY_TTL: "20 seconds" }))))
})
