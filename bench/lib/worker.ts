// How the benchmark starts the real worker: `node dist/main.js worker` with the synthetic registry.
import { existsSync } from "node:fs"
import type { Redis } from "ioredis"
import { startConsumers, type Consumers } from "./consumers.ts"

export const mainJs = "dist/main.js"
export const benchStream = "bench:jobs"
export const benchGroup = "bench"
export const batchSize = 4
export const thresholds = { btts: 2, three_way: batchSize, double_chance: batchSize } as const

export const workerUnavailable = (): string | undefined =>
  existsSync(mainJs) ? undefined : `${mainJs} missing: run npm run build first`

/** The environment of a synthetic worker on the benchmark stream. */
export const workerEnv = (redisUrl: string, fixturesPerJob: number): Record<string, string> => ({
  REDIS_URL: redisUrl,
  STREAM: benchStream,
  XTRTYPE: "bench",
  XTR_GROUP: benchGroup,
  XTR_BATCH: String(batchSize),
  XTR_EXTRACTORS: "synthetic",
  SYNTH_FIXTURES: String(fixturesPerJob),
  MATCH_MIN_BTTS: String(thresholds.btts),
  MATCH_MIN: String(thresholds.three_way),
  // Every publication stays readable so the benchmark can count them.
  XTR_MATCHED_MAXLEN: "100000000"
})

export const startWorkers = (
  redisUrl: string,
  opts: { readonly processes: number; readonly fixturesPerJob: number; readonly logPrefix: string; readonly nodeFlags?: ReadonlyArray<string> }
): Consumers =>
  startConsumers({
    args: [...(opts.nodeFlags ?? []), mainJs, "worker"],
    env: workerEnv(redisUrl, opts.fixturesPerJob),
    processes: opts.processes,
    logPrefix: opts.logPrefix
  })

export const startReference = (redisUrl: string, fixturesPerJob: number, logPrefix: string): Consumers =>
  startConsumers({
    args: ["bench/reference.ts"],
    env: workerEnv(redisUrl, fixturesPerJob),
    processes: 1,
    logPrefix
  })

/** A clean Redis with `jobs` entries waiting on the benchmark stream's group (created at 0 so none is skipped). */
export const resetStream = async (monitor: Redis) => {
  await monitor.flushall("SYNC")
  await monitor.xgroup("CREATE", benchStream, benchGroup, "0", "MKSTREAM")
}
