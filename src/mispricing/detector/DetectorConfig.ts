// The detector's settings, read from the environment (each documented in the README), with pricing's own
// (PRICE_*: bankroll, freshness, caps …) from the pricing module's config, per data source.
import { hostname } from "node:os"
import { Config, Context, Duration, Layer, Schema } from "effect"
import { SourcePricingConfig } from "../PricingConfig.ts"

const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))
const positiveInt = (name: string, fallback: number) => Config.schema(PositiveInt, name).pipe(Config.withDefault(fallback))
const PositiveDuration = Schema.DurationFromString.check(
  Schema.makeFilter((d: Duration.Duration) => Duration.isGreaterThan(d, Duration.zero) || "Expected a positive duration")
)
const duration = (name: string, fallback: Duration.Input) =>
  Config.schema(PositiveDuration, name).pipe(Config.withDefault(Duration.fromInputUnsafe(fallback)))

/** `detector-host-4242`: unique per process, so a restart never inherits a live consumer's entries. */
export const detectorConsumer = (host: string, pid: number) => `detector-${host}-${pid}`

export const detectorConfig = Config.all({
  group: Config.NonEmptyString("DETECT_GROUP").pipe(Config.withDefault("bookies-detector")),
  batch: positiveInt("DETECT_BATCH", 100),
  block: duration("DETECT_BLOCK", "1 second"),
  claimIdle: duration("DETECT_CLAIM_IDLE", "30 seconds"),
  maxDeliveries: positiveInt("DETECT_MAX_DELIVERIES", 5),
  sweepEvery: duration("DETECT_SWEEP_EVERY", "15 seconds"),
  opportunitiesMaxLen: positiveInt("DETECT_OPPORTUNITIES_MAXLEN", 100_000),
  deadMaxLen: positiveInt("DETECT_DEAD_MAXLEN", 10_000),
  recordTtl: duration("DETECT_RECORD_TTL", "7 days"),
  /** A fixture is priced with its source's settings (their freshness and spread limits differ). */
  pricing: SourcePricingConfig
}).pipe(Config.map((c) => ({ ...c, consumer: detectorConsumer(hostname(), process.pid) })))

export type DetectorSettings = Config.Success<typeof detectorConfig>

export class DetectorConfig extends Context.Service<DetectorConfig, DetectorSettings>()("bookies/DetectorConfig") {
  static readonly layer = Layer.effect(DetectorConfig, detectorConfig)
}
