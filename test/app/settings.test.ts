// `start`'s settings: its flag's duration text, its own START_* settings, and the embedded defaults it gives
// the parts (a variable that is set always wins).
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Result, Schema } from "effect"
import { DurationText, layerOverrides, layerStartDefaults, startConfig } from "../../src/app/StartConfig.ts"
import { schedulerConfig } from "../../src/scheduler/SchedulerConfig.ts"

const decode = (text: string) => Result.map(Schema.decodeUnknownResult(DurationText)(text), Duration.toMillis)

const withEnv = (env: Record<string, string>) => ConfigProvider.layer(ConfigProvider.fromEnv({ env }))

describe("DurationText", () => {
  it("takes short units and Effect's duration text", () => {
    assert.deepStrictEqual(
      ["20s", "1.5m", "500ms", "2h", "90 seconds", " 3 s "].map((t) => Result.getOrUndefined(decode(t))),
      [20_000, 90_000, 500, 7_200_000, 90_000, 3_000]
    )
  })

  it("refuses what is not a positive duration", () => {
    for (const text of ["soon", "", "0s", "-5s", "5", "5 parsecs", "Infinity"]) assert.isTrue(Result.isFailure(decode(text)), text)
  })
})

describe("start settings", () => {
  it.effect("defaults: redraw every second, a summary every 5 s, 12 rows, the embedded simulator", () =>
    Effect.gen(function*() {
      const s = yield* startConfig
      assert.deepStrictEqual(
        [Duration.toMillis(s.refresh), Duration.toMillis(s.summaryEvery), s.rows, s.externalBookmakers],
        [1_000, 5_000, 12, false]
      )
    }).pipe(Effect.provide(withEnv({}))))

  it.effect("any BOOKIE_<BOOK>_URL means external bookmakers, and no simulator", () =>
    Effect.gen(function*() {
      assert.isTrue((yield* startConfig).externalBookmakers)
    }).pipe(Effect.provide(withEnv({ BOOKIE_GAMMA_URL: "http://feeds.example/gamma" }))))

  it.effect("the parts get start's faster cadences unless their variable is set; overrides win over both", () =>
    Effect.gen(function*() {
      const s = yield* schedulerConfig
      assert.deepStrictEqual([Duration.toMillis(s.liveEvery), Duration.toMillis(s.upcomingEvery), s.days], [4_000, 20_000, 5])
      const read = Effect.gen(function*() {
        return yield* schedulerConfig
      })
      const overridden = yield* Effect.provide(read, layerOverrides({ SCHED_LIVE_EVERY: "1 second" }))
      assert.strictEqual(Duration.toMillis(overridden.liveEvery), 1_000)
    }).pipe(Effect.provide(layerStartDefaults), Effect.provide(withEnv({ SCHED_LIVE_EVERY: "4 seconds" }))))
})
