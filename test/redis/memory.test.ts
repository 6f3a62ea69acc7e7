// The in-memory store under TestClock: BLOCK, idle times, TTLs and ids follow the test's clock exactly,
// which the live-time contract suite cannot show.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { layerMemory } from "../../src/redis/memory.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"

const read = (streams: ReadonlyArray<string>, blockMs: number, id = ">") =>
  RedisStore.use((store) =>
    store.readGroup({ group: "g", consumer: "c", streams: streams.map((stream) => ({ stream, id })), count: 10, blockMs }))

/** The fiber's result, or "running". */
const peek = <A, E>(fiber: Fiber.Fiber<A, E>) =>
  Effect.map(Effect.yieldNow, () => fiber.pollUnsafe() ?? "running")

describe("RedisStore in memory, under TestClock", () => {
  it.effect("a blocking read waits exactly blockMs, then returns empty", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.ensureGroup("s", "g")
      const fiber = yield* Effect.forkChild(read(["s"], 1000))
      yield* TestClock.adjust("999 millis")
      assert.strictEqual(yield* peek(fiber), "running")
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* Fiber.join(fiber), [])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a blocking read wakes on XADD to any of its streams, with no time passing", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.ensureGroup("a", "g")
      yield* store.ensureGroup("b", "g")
      const fiber = yield* Effect.forkChild(read(["a", "b"], 60_000))
      assert.strictEqual(yield* peek(fiber), "running")
      yield* store.add("other", { x: "1" })
      assert.strictEqual(yield* peek(fiber), "running")
      const id = yield* store.add("b", { x: "2" })
      assert.deepStrictEqual(yield* Fiber.join(fiber), [{ stream: "b", id, fields: { x: "2" } }])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a blocked read fails with NoGroup when its stream is deleted", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.ensureGroup("s", "g")
      const fiber = yield* Effect.forkChild(Effect.flip(read(["s"], 60_000)))
      yield* Effect.yieldNow
      yield* store.exec([{ op: "del", key: "s" }])
      assert.strictEqual((yield* Fiber.join(fiber))._tag, "NoGroup")
    }).pipe(Effect.provide(layerMemory)))

  it.effect("an interrupted blocking read takes nothing: the entry goes to the next reader", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.ensureGroup("s", "g")
      const fiber = yield* Effect.forkChild(read(["s"], 60_000))
      yield* Effect.yieldNow
      yield* Fiber.interrupt(fiber)
      const id = yield* store.add("s", { x: "1" })
      assert.deepStrictEqual((yield* store.groups("s"))[0]!.pending, 0)
      assert.deepStrictEqual((yield* read(["s"], 0)).map((e) => e.id), [id])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("ids take the clock's milliseconds; a clock that stands still bumps the sequence", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* TestClock.setTime(1_700_000_000_000)
      const a = yield* store.add("s", { n: "1" })
      const b = yield* store.add("s", { n: "2" })
      yield* TestClock.adjust("5 millis")
      const c = yield* store.add("s", { n: "3" })
      assert.deepStrictEqual([a, b, c], ["1700000000000-0", "1700000000000-1", "1700000000005-0"])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("idle time and XAUTOCLAIM's min-idle follow the clock; a claim resets the idle time", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.ensureGroup("s", "g")
      const id = yield* store.add("s", { n: "1" })
      yield* read(["s"], 0)
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual((yield* store.pending({ stream: "s", group: "g", count: 10 })).map((p) => p.idleMs), [1000])
      const early = yield* store.autoClaim({ stream: "s", group: "g", consumer: "c2", minIdleMs: 1001, start: "0", count: 10 })
      assert.deepStrictEqual(early.entries, [])
      yield* TestClock.adjust("1 millis")
      const claimed = yield* store.autoClaim({ stream: "s", group: "g", consumer: "c2", minIdleMs: 1001, start: "0", count: 10 })
      assert.deepStrictEqual(claimed.entries.map((e) => e.id), [id])
      assert.deepStrictEqual((yield* store.pending({ stream: "s", group: "g", count: 10 })).map((p) => [p.consumer, p.idleMs]), [["c2", 0]])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("EXPIRE: the key is gone once its TTL has passed; SET clears the TTL", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      yield* store.exec([{ op: "set", key: "k", value: "v" }, { op: "expire", key: "k", seconds: 10 }])
      yield* TestClock.adjust("9999 millis")
      assert.deepStrictEqual(yield* store.exec([{ op: "get", key: "k" }]), [{ op: "get", value: "v" }])
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* store.exec([{ op: "get", key: "k" }]), [{ op: "get", value: null }])
      yield* store.exec([{ op: "set", key: "k", value: "v" }, { op: "expire", key: "k", seconds: 1 }, { op: "set", key: "k", value: "w" }])
      yield* TestClock.adjust("2 seconds")
      assert.deepStrictEqual(yield* store.exec([{ op: "get", key: "k" }]), [{ op: "get", value: "w" }])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("each build of layerMemory is a fresh, empty store", () =>
    Effect.gen(function*() {
      yield* RedisStore.use((store) => store.add("s", { n: "1" })).pipe(Effect.provide(layerMemory))
      assert.strictEqual(yield* RedisStore.use((store) => store.streamLength("s")).pipe(Effect.provide(layerMemory)), 0)
    }))
})
