// `start`: the whole system in one process, with a live view of what it finds. Three outputs: the terminal
// view redrawn every START_REFRESH when stdout is a TTY; a compact summary every START_SUMMARY_EVERY when
// it is not; one JSON line per opportunity event with `--json`. `--duration` stops it cleanly after a while.
import { Clock, Config, Console, Duration, Effect, Layer, Logger, Option, References, Schedule, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { feedsOf, snapshot } from "./snapshot.ts"
import { DurationText, layerOverrides, layerStartDefaults, startConfig, type StartSettings } from "./StartConfig.ts"
import { launch, type System } from "./System.ts"
import { eventLine, renderSummary, renderView } from "./view.ts"

export interface StartOptions {
  readonly duration: Option.Option<Duration.Duration>
  readonly json: boolean
  readonly seed: Option.Option<string>
}

export const flags = {
  duration: Flag.String("duration").pipe(
    Flag.withSchema(DurationText),
    Flag.optional,
    Flag.withFallbackConfig(Config.option(Config.schema(DurationText, "START_DURATION"))),
    Flag.withDescription("run this long (20s, 2m, \"90 seconds\"), then stop cleanly and exit 0 (env START_DURATION); default: until Ctrl-C"),
    Flag.withMetavar("duration")
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withFallbackConfig(Config.Boolean("START_JSON").pipe(Config.withDefault(false))),
    Flag.withDescription("print one JSON line per opportunity event on stdout instead of the view (env START_JSON)")
  ),
  seed: Flag.String("seed").pipe(
    Flag.withSchema(Schema.NonEmptyString),
    Flag.optional,
    Flag.withDescription("the embedded simulator's world seed (overrides SIM_SEED)"),
    Flag.withMetavar("text")
  )
}

/** The latest warnings and errors of the parts, for the view (on a TTY, logs would tear the screen). */
const logBuffer = (keep: number) => {
  const lines: Array<string> = []
  const logger = Logger.map(Logger.formatLogFmt, (line) => {
    lines.push(line)
    if (lines.length > keep) lines.shift()
  })
  return { lines, layer: Layer.mergeAll(Logger.layer([logger]), Layer.succeed(References.MinimumLogLevel, "Warn")) }
}

const toStderr = Logger.layer([Logger.withConsoleError(Logger.formatLogFmt)])

const write = (text: string) => Effect.sync(() => void process.stdout.write(text))

/** Read at every frame, so a resized terminal is followed; a pseudo-terminal may report 0 columns. */
const terminalWidth = () => (process.stdout.columns > 0 ? process.stdout.columns : 120)

/** Redraws in place: cursor home, each line cleared to its end, the rest of the screen cleared. */
const frame = (text: string) => `\x1b[H${text.replaceAll("\n", "\x1b[K\n")}\x1b[K\n\x1b[J`

const viewLoop = (system: System, settings: StartSettings, startedAt: number, logs: ReadonlyArray<string>) =>
  Effect.acquireUseRelease(
    write("\x1b[?25l\x1b[2J"), // hide the cursor, clear the screen
    () =>
      snapshot(system, startedAt, logs).pipe(
        Effect.flatMap((state) =>
          write(frame(renderView(state, { width: terminalWidth(), rows: settings.rows, color: true })))
        ),
        Effect.repeat(Schedule.spaced(settings.refresh)),
        Effect.andThen(Effect.never)
      ),
    () => write("\x1b[?25h") // the last frame stays on screen
  )

const summaryLoop = (system: System, settings: StartSettings, startedAt: number) =>
  snapshot(system, startedAt, []).pipe(
    Effect.flatMap((state) => Console.log(renderSummary(state, 5))),
    Effect.delay(settings.summaryEvery),
    Effect.forever
  )

const stopAfter = (duration: Option.Option<Duration.Duration>) =>
  Option.match(duration, { onNone: () => Effect.never, onSome: (d) => Effect.sleep(d) })

/** Runs until `--duration` is over or the process is interrupted (SIGINT/SIGTERM); every part stops cleanly. */
export const runStart = (options: StartOptions) =>
  Effect.gen(function*() {
    const settings = yield* startConfig
    const mode = options.json ? "json" : process.stdout.isTTY ? "view" : "summary"
    const logs = logBuffer(6)
    const startedAt = yield* Clock.currentTimeMillis
    const program = Effect.gen(function*() {
      const system = yield* launch(
        mode === "json" ? { onEvent: (e) => Console.log(eventLine(e.event, e.opportunity, e.at)) } : {}
      )
      yield* Effect.logInfo("start: all parts running", { odds: feedsOf(system), store: system.store, output: mode })
      const display = mode === "view"
        ? viewLoop(system, settings, startedAt, logs.lines)
        : mode === "summary"
        ? summaryLoop(system, settings, startedAt)
        : Effect.never
      yield* Effect.raceFirst(system.failed, Effect.raceFirst(display, stopAfter(options.duration)))
      const final = yield* snapshot(system, startedAt, [])
      if (mode === "summary") yield* Console.log(renderSummary(final, 5))
      if (mode === "json") yield* Console.error(renderSummary(final, 0))
    }).pipe(Effect.scoped)
    return yield* program.pipe(Effect.provide(mode === "view" ? logs.layer : toStderr))
  }).pipe(
    Effect.provide(layerOverrides(Option.match(options.seed, { onNone: () => ({}), onSome: (seed) => ({ SIM_SEED: seed }) }))),
    Effect.provide(layerStartDefaults)
  )

export const startCommand = Command.make("start", flags, runStart)
