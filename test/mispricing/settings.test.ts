import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { SourcePricingConfig } from "../../src/mispricing/PricingConfig.ts"
import { defaultSettings } from "../../src/mispricing/Settings.ts"

const parse = (env: Record<string, string>) => SourcePricingConfig.parse(ConfigProvider.fromEnv({ env }))

describe("SourcePricingConfig", () => {
  it.effect("defaults when nothing is set: live limits for the source-less default, longer ones pre-match", () =>
    Effect.gen(function*() {
      const { live, upcoming } = yield* parse({})
      assert.deepStrictEqual(live, defaultSettings)
      assert.deepStrictEqual(upcoming, { ...defaultSettings, freshnessMs: 15 * 60_000, maxSpreadMs: 10 * 60_000 })
      assert.deepStrictEqual(defaultSettings, {
        bankroll: 100,
        unit: 0.01,
        freshnessMs: 60_000,
        maxSpreadMs: 30_000,
        roiCap: 0.25,
        valueEdge: 0.02,
        reference: "consensus",
        devig: "multiplicative",
        commission: {}
      })
    }))

  it.effect("reads every PRICE_* variable; PRICE_FRESHNESS and PRICE_MAX_SPREAD apply to both sources", () =>
    Effect.gen(function*() {
      const { live: settings, upcoming } = yield* parse({
        PRICE_BANKROLL: "250",
        PRICE_UNIT: "1",
        PRICE_FRESHNESS: "2 minutes",
        PRICE_MAX_SPREAD: "10",
        PRICE_ROI_CAP: "0.1",
        PRICE_VALUE_EDGE: "0.05",
        PRICE_REFERENCE: "BookieBeta",
        PRICE_DEVIG: "shin",
        PRICE_COMMISSION: "BookieAlpha=0.02, BookieBeta=0.05"
      })
      assert.deepStrictEqual(settings, {
        bankroll: 250,
        unit: 1,
        freshnessMs: 120_000,
        maxSpreadMs: 10_000,
        roiCap: 0.1,
        valueEdge: 0.05,
        reference: "BookieBeta",
        devig: "shin",
        commission: { BookieAlpha: 0.02, BookieBeta: 0.05 }
      })
      assert.deepStrictEqual(upcoming, settings)
    }))

  it.effect("a source's own limit wins over the shared one, which wins over the source's default", () =>
    Effect.gen(function*() {
      const { live, upcoming } = yield* parse({
        PRICE_FRESHNESS: "90",
        PRICE_FRESHNESS_UPCOMING: "20 minutes",
        PRICE_MAX_SPREAD_LIVE: "10 seconds"
      })
      assert.deepStrictEqual([live.freshnessMs, live.maxSpreadMs], [90_000, 10_000])
      assert.deepStrictEqual([upcoming.freshnessMs, upcoming.maxSpreadMs], [20 * 60_000, 10 * 60_000])
    }))

  it.effect("a bookmaker named __proto__ is just a name", () =>
    Effect.gen(function*() {
      const settings = (yield* parse({ PRICE_COMMISSION: "__proto__=0.1" })).live
      assert.isTrue(Object.hasOwn(settings.commission, "__proto__"))
      assert.strictEqual(Object.getPrototypeOf(settings.commission), Object.prototype)
    }))

  it.effect.each([
    ["PRICE_BANKROLL", "lots"],
    ["PRICE_BANKROLL", "0"],
    ["PRICE_UNIT", "-0.01"],
    ["PRICE_FRESHNESS", "soon"],
    ["PRICE_MAX_SPREAD", "-5"],
    ["PRICE_FRESHNESS_LIVE", "soon"],
    ["PRICE_FRESHNESS_UPCOMING", "-1"],
    ["PRICE_MAX_SPREAD_UPCOMING", "forever"],
    ["PRICE_ROI_CAP", "-0.1"],
    ["PRICE_VALUE_EDGE", "x"],
    ["PRICE_REFERENCE", " "],
    ["PRICE_DEVIG", "magic"],
    ["PRICE_COMMISSION", "BookieAlpha=1.5"],
    ["PRICE_COMMISSION", "BookieAlpha"]
  ] as const)("rejects %s=%s naming the variable", ([name, value]) =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(parse({ [name]: value }))
      assert.include(String(error), name)
    }))
})
