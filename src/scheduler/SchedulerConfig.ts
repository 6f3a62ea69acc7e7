// The scheduler's settings, read from the environment (each documented in the README).
import { Config, Context, Duration, Layer, Schema } from "effect"
import { Bookmaker, bookmakers, Market, markets } from "../domain/Market.ts"

const PositiveInt = Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))
const PositiveDuration = Schema.DurationFromString.check(
  Schema.makeFilter((d: Duration.Duration) => Duration.isGreaterThan(d, Duration.zero) || "Expected a positive duration")
)
// Canonical day offsets run "0".."4": five days is the widest range any bookmaker serves.
const Days = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 5 })))

export const schedulerConfig = Config.all({
  // Each under its source's pricing limits (PRICE_FRESHNESS_* and PRICE_MAX_SPREAD_*: 60 s / 30 s live,
  // 15 / 10 minutes upcoming), so an unchanged opportunity stays active from one round to the next.
  liveEvery: Config.Duration("SCHED_LIVE_EVERY").pipe(Config.withDefault(Duration.seconds(5))),
  upcomingEvery: Config.Duration("SCHED_UPCOMING_EVERY").pipe(Config.withDefault(Duration.minutes(5))),
  days: Config.schema(Days, "SCHED_DAYS").pipe(Config.withDefault(5)),
  bookmakers: Config.Array(Bookmaker, "SCHED_BOOKMAKERS").pipe(Config.withDefault(bookmakers)),
  markets: Config.Array(Market, "SCHED_MARKETS").pipe(Config.withDefault(markets)),
  maxBacklog: Config.schema(PositiveInt, "SCHED_MAX_BACKLOG").pipe(Config.withDefault(1000)),
  // A round is added as the workers get through it (see plan.ts, roomFor): at most this many of its jobs
  // undelivered or running per stream, a job counting as running for SCHED_JOB_WAIT after its delivery. Set it
  // to the jobs the stream's workers run at once: fewer leaves workers idle, more makes jobs queue (`start`,
  // one worker per stream on a shared CPU, takes 1).
  inflight: Config.schema(PositiveInt, "SCHED_INFLIGHT").pipe(Config.withDefault(8)),
  jobWait: Config.schema(PositiveDuration, "SCHED_JOB_WAIT").pipe(Config.withDefault(Duration.seconds(1))),
  // How often a round waiting for room re-reads its stream's backlog and its pending jobs.
  pace: Config.schema(PositiveDuration, "SCHED_PACE").pipe(Config.withDefault(Duration.millis(20))),
  group: Config.NonEmptyString("XTR_GROUP").pipe(Config.withDefault("bookies-workers"))
})

export type SchedulerSettings = Config.Success<typeof schedulerConfig>

export class SchedulerConfig extends Context.Service<SchedulerConfig, SchedulerSettings>()("bookies/SchedulerConfig") {
  static readonly layer = Layer.effect(SchedulerConfig, schedulerConfig)
}
