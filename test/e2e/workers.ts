// The extraction worker of one job stream, run in this process the way `node dist/main.js worker` runs it
// (WorkerLive, with XTR_EXTRACTORS=http: ioredis, the HTTP bookmakers, the fixture resolver and WorkerConfig,
// each from its variables), on a clock moved to the simulator's pinned time.
import { Cause, Clock, ConfigProvider, Effect, Exit, Fiber, References } from "effect"
import { run } from "../../src/pipeline/Worker.ts"
import { WorkerLive } from "../../src/pipeline/WorkerLive.ts"

/**
 * The wall clock moved by `offsetMs`: the time read (fetch times, freshness, the period's date) is shifted,
 * while sleeps and monotonic time are the base clock's, so timeouts and backoffs run in real time.
 */
export const shiftedClock = (base: Clock.Clock, offsetMs: number): Clock.Clock => {
  const millis = () => base.currentTimeMillisUnsafe() + offsetMs
  const nanos = () => base.currentTimeNanosUnsafe() + BigInt(offsetMs) * 1_000_000n
  return {
    currentTimeMillisUnsafe: millis,
    currentTimeMillis: Effect.sync(millis),
    currentTimeNanosUnsafe: nanos,
    currentTimeNanos: Effect.sync(nanos),
    monotonicTimeNanosUnsafe: () => base.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: base.monotonicTimeNanos,
    sleep: (duration) => base.sleep(duration)
  }
}

export interface RunningWorker {
  /** Why the worker ended on its own (it never should), or undefined while it runs. */
  readonly failure: () => string | undefined
  /** Interrupts it as SIGTERM would (the batch in flight finishes); rejects if it had failed. */
  readonly stop: () => Promise<void>
}

/** Starts a worker configured by `env` (STREAM, XTRTYPE, REDIS_URL, BOOKIE_*_URL, MATCH_MIN …); warnings are logged. */
export const startWorker = (env: Readonly<Record<string, string>>, clockOffsetMs: number): RunningWorker => {
  const fiber = Effect.runFork(Clock.clockWith((base) =>
    run.pipe(
      Effect.provide(WorkerLive),
      Effect.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env: { ...env } }))),
      Effect.provideService(References.MinimumLogLevel, "Warn"),
      Effect.provideService(Clock.Clock, shiftedClock(base, clockOffsetMs))
    )
  ))
  const describe = (exit: Exit.Exit<unknown, unknown>) => Exit.isSuccess(exit) ? "the worker stopped on its own" : Cause.pretty(exit.cause)
  return {
    failure: () => {
      const exit = fiber.pollUnsafe()
      return exit === undefined ? undefined : describe(exit)
    },
    stop: async () => {
      const exit = await Effect.runPromise(Fiber.interrupt(fiber).pipe(Effect.andThen(Fiber.await(fiber))))
      if (Exit.isFailure(exit) && !Cause.hasInterruptsOnly(exit.cause)) throw new Error(describe(exit))
    }
  }
}
