import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber } from "effect"
import { replyWithin } from "../../src/redis/replyWithin.ts"

const after = <A>(ms: number, value: A) => () => new Promise<A>((resolve) => setTimeout(() => resolve(value), ms))
const failed = (error: unknown) => `failed: ${String(error)}`
const late = () => Effect.fail("late")

describe("replyWithin", () => {
  it.effect("returns the reply that comes in time", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* replyWithin(1_000, after(5, "OK"), failed, late), "OK")
    }))

  it.effect("fails with late() when the reply does not come in time", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(replyWithin(10, after(200, "OK"), failed, late))
      assert.deepStrictEqual(exit, Exit.fail("late"))
    }))

  it.effect("maps a rejected or throwing round trip with failed()", () =>
    Effect.gen(function*() {
      const rejected = yield* Effect.exit(replyWithin(1_000, () => Promise.reject(new Error("NOGROUP")), failed, late))
      assert.deepStrictEqual(rejected, Exit.fail("failed: Error: NOGROUP"))
      const thrown = yield* Effect.exit(replyWithin(1_000, () => { throw new Error("closed") }, failed, late))
      assert.deepStrictEqual(thrown, Exit.fail("failed: Error: closed"))
    }))

  // REDIS_COMMAND_TIMEOUT accepts "100 days" and "Infinity": neither may turn into setTimeout's 1 ms.
  it.effect("waits for a bound beyond setTimeout's range, Infinity included", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* replyWithin(100 * 86_400_000, after(30, "OK"), failed, late), "OK")
      assert.strictEqual(yield* replyWithin(Infinity, after(30, "OK"), failed, late), "OK")
    }))

  it.live("stops its timer when interrupted", () =>
    Effect.gen(function*() {
      let lateCalls = 0
      const fiber = yield* Effect.forkChild(replyWithin(20, after(1_000, "OK"), failed, () => {
        lateCalls++
        return late()
      }))
      yield* Effect.sleep("5 millis")
      yield* Fiber.interrupt(fiber)
      yield* Effect.sleep("50 millis")
      assert.strictEqual(lateCalls, 0)
    }))
})
