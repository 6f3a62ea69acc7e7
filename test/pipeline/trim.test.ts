// Job-stream trimming never deletes what a group still needs (pending or undelivered entries).
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { makeTrimmer, safeMinId } from "../../src/pipeline/trim.ts"
import { layerMemory } from "../../src/redis/memory.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { configLayer, job, stream } from "./support.ts"

describe("safeMinId", () => {
  it("is undefined without groups", () => {
    assert.strictEqual(safeMinId([]), undefined)
  })

  it("is the oldest pending entry, or the last delivered one when nothing is pending", () => {
    assert.strictEqual(safeMinId([{ lastDeliveredId: "9-0", oldestPending: "5-3" }]), "5-3")
    assert.strictEqual(safeMinId([{ lastDeliveredId: "9-0", oldestPending: undefined }]), "9-0")
  })

  it("takes the smallest over every group, comparing ids numerically", () => {
    const groups = [
      { lastDeliveredId: "100-0", oldestPending: "20-0" },
      { lastDeliveredId: "9-5", oldestPending: undefined },
      { lastDeliveredId: "0-0", oldestPending: undefined }
    ]
    assert.strictEqual(safeMinId(groups.slice(0, 2)), "9-5")
    assert.strictEqual(safeMinId(groups), "0-0")
  })

  it("refuses to trim on an id it cannot read", () => {
    assert.strictEqual(safeMinId([{ lastDeliveredId: "garbage", oldestPending: undefined }]), undefined)
  })
})

describe("trimming the job stream", () => {
  const read = (group: string, n: number) =>
    RedisStore.use((store) => store.readGroup({ group, consumer: `${group}-1`, streams: [{ stream, id: ">" }], count: n, blockMs: 0 }))
  const ack = (group: string, ids: ReadonlyArray<string>) =>
    RedisStore.use((store) => store.exec([{ op: "xack", stream, group, ids }]))
  const remaining = RedisStore.use((store) => store.range(stream, "-", "+", 100)).pipe(Effect.map((es) => es.map((e) => e.id)))

  it.effect("keeps every group's pending and undelivered entries", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const ids = yield* Effect.forEach([1, 2, 3, 4, 5, 6], () => store.add(stream, job("BookieAlpha")))
      yield* store.ensureGroup(stream, "a", "0")
      yield* store.ensureGroup(stream, "b", "0")
      yield* read("a", 4)
      yield* ack("a", ids.slice(0, 2)) // a: e3, e4 pending
      yield* read("b", 2)
      yield* ack("b", ids.slice(0, 2)) // b: nothing pending, e3… undelivered
      const { trimOnce } = yield* makeTrimmer

      assert.strictEqual(yield* trimOnce, 1)
      assert.deepStrictEqual(yield* remaining, ids.slice(1))

      yield* read("b", 4)
      yield* ack("b", ids.slice(2))
      yield* ack("a", [ids[2]!]) // a: e4 still pending
      assert.strictEqual(yield* trimOnce, 2)
      assert.deepStrictEqual(yield* remaining, ids.slice(3))
      assert.strictEqual(yield* trimOnce, 0)
    }).pipe(Effect.provide(Layer.mergeAll(configLayer(), layerMemory))))
})
