// Pricing settings from the environment (PRICE_*), each falling back to its default.
import { Config } from "effect"
import { perSource } from "../config/perSource.ts"
import {
  bySource,
  CommissionFromString,
  defaultSettings,
  DevigMethod,
  FractionFromString,
  MillisFromString,
  PositiveFromString,
  ReferenceFromString,
  type Settings,
  sourceLimits,
  type SourceSettings
} from "./Settings.ts"

/** The environment variable of each setting. */
export const settingEnv = {
  bankroll: "PRICE_BANKROLL",
  unit: "PRICE_UNIT",
  freshnessMs: "PRICE_FRESHNESS",
  maxSpreadMs: "PRICE_MAX_SPREAD",
  roiCap: "PRICE_ROI_CAP",
  valueEdge: "PRICE_VALUE_EDGE",
  reference: "PRICE_REFERENCE",
  devig: "PRICE_DEVIG",
  commission: "PRICE_COMMISSION"
} as const satisfies Record<keyof Settings, string>

/** One setting from its variable, or its default when the variable is unset. */
export const settingConfig = {
  bankroll: Config.schema(PositiveFromString, settingEnv.bankroll).pipe(Config.withDefault(defaultSettings.bankroll)),
  unit: Config.schema(PositiveFromString, settingEnv.unit).pipe(Config.withDefault(defaultSettings.unit)),
  freshnessMs: Config.schema(MillisFromString, settingEnv.freshnessMs).pipe(
    Config.withDefault(defaultSettings.freshnessMs)
  ),
  maxSpreadMs: Config.schema(MillisFromString, settingEnv.maxSpreadMs).pipe(
    Config.withDefault(defaultSettings.maxSpreadMs)
  ),
  roiCap: Config.schema(FractionFromString, settingEnv.roiCap).pipe(Config.withDefault(defaultSettings.roiCap)),
  valueEdge: Config.schema(FractionFromString, settingEnv.valueEdge).pipe(
    Config.withDefault(defaultSettings.valueEdge)
  ),
  reference: Config.schema(ReferenceFromString, settingEnv.reference).pipe(
    Config.withDefault(defaultSettings.reference)
  ),
  devig: Config.schema(DevigMethod, settingEnv.devig).pipe(Config.withDefault(defaultSettings.devig)),
  commission: Config.schema(CommissionFromString, settingEnv.commission).pipe(
    Config.withDefault(defaultSettings.commission)
  )
} satisfies { readonly [K in keyof Settings]: Config.Config<Settings[K]> }

const limit = (key: "freshnessMs" | "maxSpreadMs") =>
  perSource(settingEnv[key], (name) => Config.schema(MillisFromString, name), {
    live: sourceLimits.live[key],
    upcoming: sourceLimits.upcoming[key]
  })

/**
 * The detector's settings per data source: the freshness and spread limits from PRICE_FRESHNESS_LIVE /
 * PRICE_FRESHNESS_UPCOMING (PRICE_MAX_SPREAD_… likewise), else PRICE_FRESHNESS for both, else the
 * source's default; every other setting is shared.
 */
export const SourcePricingConfig: Config.Config<SourceSettings> = Config.all({
  settings: Config.all(settingConfig),
  freshnessMs: limit("freshnessMs"),
  maxSpreadMs: limit("maxSpreadMs")
}).pipe(Config.map(({ freshnessMs, maxSpreadMs, settings }) =>
  bySource(settings, {
    live: { freshnessMs: freshnessMs.live, maxSpreadMs: maxSpreadMs.live },
    upcoming: { freshnessMs: freshnessMs.upcoming, maxSpreadMs: maxSpreadMs.upcoming }
  })
))
