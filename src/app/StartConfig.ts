// `start`'s own settings, and the embedded defaults it runs the parts on. The parts read their usual
// variables (SCHED_*, XTR_*, DETECT_*, PRICE_*, SIM_*); `start` only changes some defaults, for a demo
// that shows opportunities within seconds: a variable that is set always wins.
import { Config, ConfigProvider, Duration, Effect, Option, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { bookmakers } from "../domain/Market.ts"
import { envInfix } from "../bookmakers/http/settings.ts"

/** Defaults of the parts' variables under `start` (the parts' own defaults suit a long-running deployment). */
export const startDefaults: Readonly<Record<string, string>> = {
  SCHED_LIVE_EVERY: "3 seconds",
  // One job per batch: a batch is written and published only once its slowest job is fetched (Beta's
  // tournament fan-out takes seconds), so batching delays the others' matches; at start's few jobs a
  // second, Redis round trips per job do not matter. No batch to fill, so XTR_WINDOW has no effect.
  XTR_BATCH: "1",
  // One job of a round at a time per stream: on start's one shared CPU, concurrent fetches (Beta's
  // tournament fan-outs) slow each other down more than they overlap.
  SCHED_INFLIGHT: "1",
  // MATCH_MIN defaults to the batch size; it stays at the 3 bookmakers it is with the worker's own default.
  MATCH_MIN: "3",
  // The embedded simulator listens on an ephemeral port; BOOKIE_*_URL point the extractors at it.
  SIM_PORT: "0"
}

/** The parts' variables fall back to `startDefaults` when unset. */
export const layerStartDefaults = ConfigProvider.layerAdd(ConfigProvider.fromEnv({ env: { ...startDefaults } }))

/** Values that win over the environment (e.g. `--seed`, the simulator's URLs). */
export const layerOverrides = (env: Readonly<Record<string, string>>) =>
  ConfigProvider.layerAdd(ConfigProvider.fromEnv({ env: { ...env } }), { asPrimary: true })

export const bookmakerUrlVariables: ReadonlyArray<string> = bookmakers.map((b) => `BOOKIE_${envInfix(b)}_URL`)

const PositiveDuration = Schema.DurationFromString.check(
  Schema.makeFilter((d: Duration.Duration) => Duration.isGreaterThan(d, Duration.zero) || "Expected a positive duration")
)
const duration = (name: string, fallback: Duration.Input) =>
  Config.schema(PositiveDuration, name).pipe(Config.withDefault(Duration.fromInputUnsafe(fallback)))

export const startConfig = Config.all({
  /** START_REFRESH: how often the terminal view is redrawn (TTY). */
  refresh: duration("START_REFRESH", "1 second"),
  /** START_SUMMARY_EVERY: how often a summary line is printed when stdout is not a terminal (and no --json). */
  summaryEvery: duration("START_SUMMARY_EVERY", "5 seconds"),
  /** START_ROWS: most opportunities listed in the view. */
  rows: Config.schema(Schema.Int.check(Schema.isGreaterThan(0)), "START_ROWS").pipe(Config.withDefault(12)),
  /** Any BOOKIE_<BOOK>_URL set: real (or separately run) bookmakers, and no embedded simulator. */
  externalBookmakers: Config.all(bookmakerUrlVariables.map((name) => Config.option(Config.String(name)))).pipe(
    Config.map((urls) => urls.some((u) => u._tag === "Some"))
  )
})

export type StartSettings = Config.Success<typeof startConfig>

const shortUnits: Readonly<Record<string, Duration.Unit>> = { ms: "millis", s: "seconds", m: "minutes", h: "hours" }
const shortForm = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/

/** A positive duration: `20s`, `1.5m`, `500ms`, `2h`, or Effect's own text (`20 seconds`). */
export const DurationText = Schema.String.pipe(
  Schema.decodeTo(
    Schema.Duration,
    SchemaTransformation.transformEffect({
      decode: (text: string) => {
        const trimmed = text.trim()
        const short = shortForm.exec(trimmed)
        const parsed = short === null
          ? Duration.fromInput(trimmed as Duration.Input)
          : Option.some(Duration.fromInputUnsafe(`${Number(short[1])} ${shortUnits[short[2]!]!}` as Duration.Input))
        return Option.match(Option.filter(parsed, (d) => Duration.isFinite(d) && Duration.isGreaterThan(d, Duration.zero)), {
          onNone: () => Effect.fail(new SchemaIssue.InvalidValue({ message: `Expected a positive duration such as 20s, 2m or "90 seconds", got "${text}"` })),
          onSome: Effect.succeed
        })
      },
      encode: (d: Duration.Duration) => Effect.succeed(Duration.format(d))
    })
  )
)
