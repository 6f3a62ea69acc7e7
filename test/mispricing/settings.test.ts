import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { PricingConfig } from "../../src/mispricing/PricingConfig.ts"
import { defaultSettings } from "../../src/mispricing/Settings.ts"

const parse = (env: Record<string, string>) => PricingConfig.parse(ConfigProvider.fromEnv({ env }))

describe("PricingConfig", () => {
  it.effect("defaults when nothing is set", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* parse({}), defaultSettings)
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

  it.effect("reads every PRICE_* variable", () =>
    Effect.gen(function*() {
      const settings = yield* parse({
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
    }))

  it.effect("a bookmaker named __proto__ is just a name", () =>
    Effect.gen(function*() {
      const settings = yield* parse({ PRICE_COMMISSION: "__proto__=0.1" })
      assert.isTrue(Object.hasOwn(settings.commission, "__proto__"))
      assert.strictEqual(Object.getPrototypeOf(settings.commission), Object.prototype)
    }))

  it.effect.each([
    ["PRICE_BANKROLL", "lots"],
    ["PRICE_BANKROLL", "0"],
    ["PRICE_UNIT", "-0.01"],
    ["PRICE_FRESHNESS", "soon"],
    ["PRICE_MAX_SPREAD", "-5"],
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
