// `start`'s settings: its flag's duration text, its own START_* settings, and the embedded defaults it gives
// the parts (a variable that is set always wins).
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Result, Schema } from "effect"
import { cadenceWarnings } from "../../src/app/cadence.ts"
import { DurationText, layerOverrides, layerStartDefaults, startConfig, startDefaults } from "../../src/app/StartConfig.ts"
import { SourcePricingConfig } from "../../src/mispricing/PricingConfig.ts"
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

  it.effect("the parts get start's faster live cadence unless their variable is set; overrides win over both", () =>
    Effect.gen(function*() {
      const s = yield* schedulerConfig
      // Upcoming keeps the scheduler's own 5 minutes: under the upcoming freshness and spread limits.
      assert.deepStrictEqual([Duration.toMillis(s.liveEvery), Duration.toMillis(s.upcomingEvery), s.days], [4_000, 300_000, 5])
      const read = Effect.gen(function*() {
        return yield* schedulerConfig
      })
      const overridden = yield* Effect.provide(read, layerOverrides({ SCHED_LIVE_EVERY: "1 second" }))
      assert.strictEqual(Duration.toMillis(overridden.liveEvery), 1_000)
    }).pipe(Effect.provide(layerStartDefaults), Effect.provide(withEnv({ SCHED_LIVE_EVERY: "4 seconds" }))))
})

describe("cadences against pricing's limits", () => {
  const plan = (live: string, upcoming: string) =>
    schedulerConfig.parse(ConfigProvider.fromEnv({ env: { SCHED_LIVE_EVERY: live, SCHED_UPCOMING_EVERY: upcoming } }))

  it.effect("the defaults, and start's, are consistent: no warning", () =>
    Effect.gen(function*() {
      const pricing = yield* SourcePricingConfig.parse(ConfigProvider.fromEnv({ env: {} }))
      assert.deepStrictEqual(cadenceWarnings(yield* plan("5 seconds", "5 minutes"), pricing), [])
      assert.deepStrictEqual(cadenceWarnings(yield* plan(startDefaults.SCHED_LIVE_EVERY!, "5 minutes"), pricing), [])
    }))

  it.effect("a source polled no sooner than its quotes go stale or its legs drift apart is named", () =>
    Effect.gen(function*() {
      const pricing = yield* SourcePricingConfig.parse(ConfigProvider.fromEnv({ env: { PRICE_MAX_SPREAD_LIVE: "40 seconds" } }))
      assert.deepStrictEqual(cadenceWarnings(yield* plan("45 seconds", "12 minutes"), pricing), [
        "SCHED_LIVE_EVERY (45s) is not under PRICE_MAX_SPREAD_LIVE (40s): its cross-market arbitrages are gone and new again each round",
        "SCHED_UPCOMING_EVERY (12m) is not under PRICE_MAX_SPREAD_UPCOMING (10m): its cross-market arbitrages are gone and new again each round"
      ])
      assert.strictEqual(cadenceWarnings(yield* plan("5 seconds", "15 minutes"), pricing).length, 2)
    }))
})
