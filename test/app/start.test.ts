// The correctness test of `start`: the composed system (embedded simulator, scheduler, six workers, detector,
// in-memory store) runs in real time on a fixed seed; everything the detector reports is scored against the
// simulator's ground truth. Every injected mispricing must be found as an arbitrage, and nothing else reported.
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Logger, References, Schema } from "effect"
import { layerStartDefaults } from "../../src/app/StartConfig.ts"
import { launch } from "../../src/app/System.ts"
import type { Tracked } from "../../src/mispricing/detector/record.ts"
import { GroundTruth } from "../../src/simulator/Truth.ts"
import { describeMispricing, score } from "./score.ts"

const env = {
  SIM_SEED: "bookies",
  SIM_MISPRICINGS: "6",
  SCHED_LIVE_EVERY: "2 seconds",
  SCHED_UPCOMING_EVERY: "8 seconds"
}
/** Long enough for three upcoming rounds and a dozen live ones: a false positive has time to show. */
const observeMs = 20_000
const findWithinMs = 40_000

const quiet = Layer.mergeAll(
  Logger.layer([Logger.withConsoleError(Logger.formatLogFmt)]),
  Layer.succeed(References.MinimumLogLevel, "Warn")
)

describe("start on the simulator", () => {
  it.live("finds every injected mispricing and reports nothing else", () =>
    Effect.gen(function*() {
      const reported: Array<Tracked> = []
      const system = yield* launch({ onEvent: (e) => Effect.sync(() => void reported.push(e.opportunity)) })
      const simulator = system.simulator!
      const truth = yield* Effect.promise(() => fetch(`${simulator.url}/truth`).then((r) => r.json())).pipe(
        Effect.flatMap(Schema.decodeUnknownEffect(GroundTruth))
      )
      assert.strictEqual(truth.mispricings.length, 6)

      const started = Date.now()
      let foundAfter: number | undefined
      while (Date.now() - started < Math.max(observeMs, foundAfter === undefined ? findWithinMs : 0)) {
        yield* Effect.sleep("250 millis")
        if (foundAfter === undefined && score(truth, reported).missed.length === 0) foundAfter = Date.now() - started
      }
      const result = score(truth, [...reported, ...(yield* system.detector.active)])
      console.log(
        `start: ${result.found.length}/${truth.mispricings.length} injected found` +
          (foundAfter === undefined ? "" : ` (all within ${(foundAfter / 1000).toFixed(1)} s)`) +
          `, ${result.falsePositives.length} false positives, ${reported.length} events`
      )
      assert.deepStrictEqual(result.missed.map(describeMispricing), [], "injected mispricings not found")
      assert.deepStrictEqual(result.falsePositives, [], "opportunities involving no injected mispricing")
    }).pipe(
      Effect.scoped,
      Effect.provide(layerStartDefaults),
      Effect.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env }))),
      Effect.provide(quiet)
    ), 60_000)
})
