// The worker's settings, read from the environment with Effect Config (each one documented in the README).
// A missing or invalid value fails with a ConfigError naming the variable; src/cli/run.ts prints it.
import { hostname } from "node:os"
import { Config, Context, Duration, Effect, Layer, Option, Schema, SchemaIssue } from "effect"
import { perSource } from "./perSource.ts"

const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))
const PositiveDuration = Schema.DurationFromString.check(
  Schema.makeFilter((d: Duration.Duration) => Duration.isGreaterThan(d, Duration.zero) || "Expected a positive duration")
)

const NonNegativeDuration = Schema.DurationFromString.check(
  Schema.makeFilter((d: Duration.Duration) => !Duration.isLessThan(d, Duration.zero) || "Expected a duration ≥ 0")
)

const positiveInt = (name: string) => Config.schema(PositiveInt, name)
const duration = (name: string, fallback: Duration.Input, schema = PositiveDuration) =>
  Config.schema(schema, name).pipe(Config.withDefault(Duration.fromInputUnsafe(fallback)))

/** A ConfigError that names `variable`, in the shape src/cli/run.ts prints. */
const invalid = (variable: string, message: string) =>
  new Config.ConfigError(new Schema.SchemaError(new SchemaIssue.Pointer([variable], new SchemaIssue.InvalidValue({ message }))))

export const DefaultGroup = "bookies-workers"

/** `btts-worker-host-4242`: unique per process, so a restart never inherits (or steals) a live consumer's entries. */
export const consumerName = (workerType: string, host: string, pid: number) => `${workerType}-${host}-${pid}`

export const workerConfig = Config.all({
  stream: Config.NonEmptyString("STREAM"),
  workerType: Config.NonEmptyString("XTRTYPE"),
  group: Config.NonEmptyString("XTR_GROUP").pipe(Config.withDefault(DefaultGroup)),
  batchSize: positiveInt("XTR_BATCH").pipe(Config.withDefault(3)),
  // How long a batch waits for jobs not yet read to fill it. 0: a batch is what one read brought (up to
  // XTR_BATCH), so a job read alone goes at once, while under load reads bring full batches anyway.
  window: duration("XTR_WINDOW", 0, NonNegativeDuration),
  concurrency: Config.option(positiveInt("XTR_CONCURRENCY")),
  // Batches extracted at once (while one waits on a slow extractor, the next ones run); the worker holds at most
  // XTR_BATCH × this many jobs until they are acknowledged, which also bounds what one commit merges (source.ts).
  inflight: positiveInt("XTR_INFLIGHT").pipe(Config.withDefault(32)),
  matchMinBtts: positiveInt("MATCH_MIN_BTTS").pipe(Config.withDefault(2)),
  matchMin: Config.option(positiveInt("MATCH_MIN")),
  block: duration("XTR_BLOCK", "1 second"),
  jobTimeout: duration("XTR_JOB_TIMEOUT", "20 seconds"),
  // How old a stored quote may be and still count towards a match, per source. Live rounds come every few
  // seconds, so a round's quotes are seconds apart. Upcoming rounds come every 5 minutes: a quote counts as
  // long as pricing keeps it fresh (15 minutes), so a round that runs long, or a bookmaker whose fetch failed
  // this round, does not lose the fixture its match.
  freshness: perSource("XTR_FRESHNESS", (name) => Config.schema(PositiveDuration, name), {
    live: Duration.minutes(2),
    upcoming: Duration.minutes(15)
  }),
  claimIdle: duration("XTR_CLAIM_IDLE", "1 minute"),
  maxDeliveries: positiveInt("XTR_MAX_DELIVERIES").pipe(Config.withDefault(5)),
  matchedMaxLen: positiveInt("XTR_MATCHED_MAXLEN").pipe(Config.withDefault(100_000)),
  deadMaxLen: positiveInt("XTR_DEAD_MAXLEN").pipe(Config.withDefault(10_000)),
  trimEvery: duration("XTR_TRIM_EVERY", "30 seconds"),
  grace: duration("XTR_GRACE", "10 seconds"),
  entryTtl: duration("XTR_ENTRY_TTL", "1 day")
}).pipe(
  Config.mapEffect((c) => {
    // A job still being worked on must not look idle to XAUTOCLAIM (another worker's, or this one's: a claim
    // counts a delivery). The source reads only into room left by the batches in flight, so an entry may wait
    // for one of them to end before its own runs: up to XTR_WINDOW + 2 × XTR_JOB_TIMEOUT after its delivery.
    const busy = Duration.sum(c.window, Duration.times(c.jobTimeout, 2))
    if (!Duration.isGreaterThan(c.claimIdle, busy)) {
      return Effect.fail(invalid("XTR_CLAIM_IDLE", `must exceed XTR_WINDOW + 2 × XTR_JOB_TIMEOUT (${Duration.format(busy)})`))
    }
    const { concurrency, matchMin, ...rest } = c
    return Effect.succeed({
      ...rest,
      consumer: consumerName(c.workerType, hostname(), process.pid),
      concurrency: Option.getOrElse(concurrency, () => c.batchSize),
      matchMin: Option.getOrElse(matchMin, () => c.batchSize)
    })
  })
)

export type WorkerSettings = Config.Success<typeof workerConfig>

export class WorkerConfig extends Context.Service<WorkerConfig, WorkerSettings>()("bookies/WorkerConfig") {
  static readonly layer = Layer.effect(WorkerConfig, workerConfig)
}

/** Which extractor registry the worker runs: real HTTP bookmakers, or the I/O-free synthetic one (capacity planning). */
export const extractorsMode = Config.Literals(["http", "synthetic"], "XTR_EXTRACTORS").pipe(Config.withDefault("http"))
