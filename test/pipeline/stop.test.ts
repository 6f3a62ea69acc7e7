// Graceful stop: what `run` does when interrupted (SIGTERM/SIGINT under runMain), on the in-memory store.
import { assert, describe, it } from "@effect/vitest"
import { Clock, type Duration, Effect, Fiber } from "effect"
import { run } from "../../src/pipeline/Worker.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { addJobs, group, matched, pendingIds, workerLayer } from "./harness.ts"
import { eventually, fixtures, job, quoting, stream } from "./support.ts"

const slowly = (duration: Duration.Input) => {
  const wait = Effect.sleep(duration)
  return {
    BookieAlpha: { btts: quoting("BookieAlpha", fixtures, wait) },
    BookieBeta: { btts: quoting("BookieBeta", fixtures, wait) },
    BookieGamma: { btts: quoting("BookieGamma", fixtures, wait) }
  }
}

/** Starts `run`, waits until `ids` are read, then interrupts it in the background. */
const startThenInterrupt = (ids: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const worker = yield* Effect.forkChild(run)
    yield* eventually(Effect.map(pendingIds, (p) => p.length === ids.length))
    const stopping = yield* Effect.forkChild(Fiber.interrupt(worker))
    return { stopped: Effect.sync(() => stopping.pollUnsafe() !== undefined) }
  })

describe("graceful stop", () => {
  it.effect("stops reading, finishes the batch in flight and acknowledges it", () =>
    Effect.gen(function*() {
      const ids = yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
      const { stopped } = yield* startThenInterrupt(ids)
      // Past the read in flight (XTR_BLOCK), while the batch still runs: this job must not be taken.
      yield* eventually(Effect.map(Clock.currentTimeMillis, (t) => t >= 1_500))
      assert.isFalse(yield* stopped)
      yield* addJobs([job("BookieGamma")])
      yield* eventually(stopped)

      assert.deepStrictEqual(yield* pendingIds, [])
      assert.deepStrictEqual((yield* matched).map((m) => m.bookmakers), ["BookieAlpha,BookieBeta", "BookieAlpha,BookieBeta"])
      const [info] = yield* RedisStore.use((store) => store.groups(stream))
      assert.strictEqual(info?.name, group)
      assert.strictEqual(info?.lag, 1)
    }).pipe(Effect.provide(workerLayer(slowly("3 seconds"), { XTR_BATCH: "2" }))))

  it.effect("gives up after XTR_GRACE, leaving the batch pending for another worker", () =>
    Effect.gen(function*() {
      const ids = yield* addJobs([job("BookieAlpha"), job("BookieBeta")])
      const { stopped } = yield* startThenInterrupt(ids)
      const from = yield* Clock.currentTimeMillis
      yield* eventually(stopped)
      const took = (yield* Clock.currentTimeMillis) - from
      assert.isAtLeast(took, 5_000)
      assert.isBelow(took, 6_000)
      assert.deepStrictEqual(yield* pendingIds, ids)
      assert.deepStrictEqual(yield* matched, [])
    }).pipe(Effect.provide(workerLayer(slowly("1 minute"), {
      XTR_BATCH: "2",
      XTR_GRACE: "5 seconds",
      XTR_JOB_TIMEOUT: "2 minutes",
      XTR_CLAIM_IDLE: "5 minutes"
    }))))
})
