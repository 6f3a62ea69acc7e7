// The benchmark's settings, from the environment.
import { Config, Schema } from "effect"

export const benchSettings = Config.all({
  /** Repetitions of every benchmark; the table reports their median and min–max. */
  runs: Config.schema(Schema.Int.check(Schema.isGreaterThan(0)), "BENCH_RUNS").pipe(Config.withDefault(5)),
  /** Multiplies every workload size (0.01 for a smoke run); 1 = the sizes the issue specifies. */
  scale: Config.schema(Schema.Finite.check(Schema.isGreaterThan(0)), "BENCH_SCALE").pipe(Config.withDefault(1)),
  /** Comma-separated benchmark names to run (the rest show as skipped); empty = all. */
  only: Config.schema(Schema.String, "BENCH_ONLY").pipe(Config.withDefault("")),
  /** `auto`: profile the worker with --cpu-prof when a worker target is missed; `always`; `never`. */
  profile: Config.Literals(["auto", "always", "never"], "BENCH_PROFILE").pipe(Config.withDefault("auto")),
  /** Where `<timestamp>.json` and the run's logs and profiles go. */
  out: Config.schema(Schema.NonEmptyString, "BENCH_OUT").pipe(Config.withDefault("bench/results"))
})

export type BenchSettings = Config.Success<typeof benchSettings>
