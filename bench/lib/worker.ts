// How the benchmark starts the real worker: `node dist/main.js worker` with the synthetic registry.
import { existsSync } from "node:fs"
import type { Redis } from "ioredis"
import type { JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"
import { type Consumers, measureDrain, startConsumers } from "./consumers.ts"
import { prefill } from "./workload.ts"

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

export const startReference = (
  redisUrl: string,
  fixturesPerJob: number,
  logPrefix: string,
  nodeFlags: ReadonlyArray<string> = []
): Consumers =>
  startConsumers({
    args: [...nodeFlags, "bench/reference.ts"],
    env: workerEnv(redisUrl, fixturesPerJob),
    processes: 1,
    logPrefix
  })

const stagedStream = `${benchStream}:staged`

/**
 * A clean Redis with an empty benchmark stream and its group, and the jobs waiting on a staging stream with a
 * group of the same name: consumers can start (load code, connect, block on XREADGROUP) before any job is
 * theirs. See `drain`.
 */
export const stage = async (monitor: Redis, jobs: ReadonlyArray<JobLike>) => {
  await monitor.flushall("SYNC")
  await monitor.xgroup("CREATE", benchStream, benchGroup, "0", "MKSTREAM")
  await prefill(monitor, stagedStream, jobs)
  await monitor.xgroup("CREATE", stagedStream, benchGroup, "0", "MKSTREAM")
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** How many connections are blocked in XREADGROUP right now (CLIENT LIST). */
const blockedReaders = async (monitor: Redis): Promise<number> =>
  ((await monitor.client("LIST")) as string)
    .split("\n")
    .filter((line) => / cmd=xreadgroup /.test(line) && / flags=\S*b/.test(line)).length

/** Waits until every consumer process has a connection blocked on the group (Redis 7.0 lists a consumer only once served). */
const allBlocked = async (monitor: Redis, consumers: Consumers, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    consumers.assertAlive()
    const count = await blockedReaders(monitor)
    if (count >= consumers.pids.length) return
    if (Date.now() > deadline) throw new Error(`only ${count} of ${consumers.pids.length} consumers blocked on the stream after ${timeoutMs} ms`)
    await sleep(20)
  }
}

/**
 * Drains the staged `jobs` with `consumers` once they are all warm and blocked: RENAME puts the staging
 * stream (jobs and group) in place of the empty one in one step, which also serves every blocked reader, so
 * start-up is not measured.
 */
export const drain = async (monitor: Redis, consumers: Consumers, jobs: ReadonlyArray<JobLike>, timeoutMs = Math.max(60_000, jobs.length * 2)) => {
  await allBlocked(monitor, consumers)
  return measureDrain(monitor, consumers, benchStream, benchGroup, jobs.length, timeoutMs, async () => {
    await monitor.rename(stagedStream, benchStream)
    return [["rename", 1]]
  })
}
