// What every benchmark gets: the Redis it runs against, a monitoring connection, and the run's settings.
import type { Redis } from "ioredis"
import type { Check, RowSpec, Sample } from "./report.ts"

export interface BenchContext {
  readonly redisUrl: string
  readonly redisPort: number
  /** A RESP2 connection for the benchmark's own commands (setup, progress, counters). */
  readonly monitor: Redis
  /** Workload multiplier (BENCH_SCALE): 1 = the sizes the issue specifies. */
  readonly scale: number
  /** Where child-process logs and profiles go (under bench/results/). */
  readonly outDir: string
  readonly run: number
}

export interface RunResult {
  readonly samples: ReadonlyArray<Sample>
  readonly checks: ReadonlyArray<Check>
  /** Anything else worth keeping in the JSON (e.g. commands per job by name). */
  readonly detail?: unknown
}

export interface Benchmark {
  readonly name: string
  readonly rows: ReadonlyArray<RowSpec>
  /** Why it cannot run here (a module or build output missing), or undefined. */
  readonly unavailable: () => string | undefined
  readonly runOnce: (ctx: BenchContext) => Promise<RunResult>
}

/** At least `min`, so a small BENCH_SCALE still measures something. */
export const scaled = (n: number, scale: number, min = 1) => Math.max(min, Math.round(n * scale))
