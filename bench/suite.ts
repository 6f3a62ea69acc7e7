// Runs the benchmarks against a redis-server of its own, several times each, and builds the report.
import { mkdirSync, readdirSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { Redis } from "ioredis"
import { startRedisServer } from "../test/support/redisServer.ts"
import { measureDrain } from "./lib/consumers.ts"
import type { Benchmark, BenchContext } from "./lib/context.ts"
import { scaled } from "./lib/context.ts"
import { summariseProfile, type HotFunction } from "./lib/profile.ts"
import { buildRow, type Check, type Row, type Sample } from "./lib/report.ts"
import type { BenchSettings } from "./lib/settings.ts"
import { makeJobs, prefill } from "./lib/workload.ts"
import { benchGroup, benchStream, resetStream, startWorkers } from "./lib/worker.ts"
import { catalogue } from "./catalogue.ts"

export interface BenchReport {
  readonly startedAt: string
  readonly finishedAt: string
  readonly machine: {
    readonly cpus: number
    readonly cpuModel: string
    readonly memoryGiB: number
    readonly node: string
    readonly redis: string
  }
  readonly settings: BenchSettings
  readonly rows: ReadonlyArray<Row>
  readonly checks: ReadonlyArray<Check>
  readonly details: Readonly<Record<string, ReadonlyArray<unknown>>>
  readonly profile?: { readonly file: string; readonly totalMs: number; readonly hot: ReadonlyArray<HotFunction> }
}

const workerTargets = new Set(["worker.jobsPerSec", "worker.peakRss", "paced.p99", "rt.growth"])

/** One drain of the headline workload by a worker under `node --cpu-prof`; the profile's hottest functions. */
const profileWorker = async (ctx: BenchContext) => {
  const dir = `${ctx.outDir}/profile`
  mkdirSync(dir, { recursive: true })
  const jobCount = scaled(100_000, ctx.scale, 48)
  await resetStream(ctx.monitor)
  await prefill(ctx.monitor, benchStream, makeJobs(jobCount))
  const workers = startWorkers(ctx.redisUrl, {
    processes: 1,
    fixturesPerJob: 5,
    logPrefix: `${dir}/worker`,
    nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`]
  })
  try {
    await measureDrain(ctx.monitor, workers, benchStream, benchGroup, jobCount, Math.max(120_000, jobCount * 4))
  } finally {
    await workers.stop() // the profile is written when the worker exits
  }
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))
  if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`)
  return { file: `${dir}/${file}`, ...summariseProfile(`${dir}/${file}`) }
}

export const runBench = async (
  settings: BenchSettings,
  outDir: string,
  progress: (line: string) => void = () => {}
): Promise<BenchReport> => {
  const startedAt = new Date().toISOString()
  mkdirSync(outDir, { recursive: true })
  const server = await startRedisServer()
  const monitor = new Redis(server.url, { protocol: 2 })
  try {
    const redisVersion = /redis_version:(\S+)/.exec(await monitor.info("server"))?.[1] ?? "unknown"
    const only = settings.only.split(",").map((s) => s.trim()).filter((s) => s !== "")
    const selected = (b: Benchmark) => only.length === 0 || only.includes(b.name)
    const rows: Array<Row> = []
    const checks: Array<Check> = []
    const details: Record<string, Array<unknown>> = {}
    const context = (run: number): BenchContext => ({
      redisUrl: server.url,
      redisPort: server.port,
      monitor,
      scale: settings.scale,
      outDir,
      run
    })

    for (const bench of catalogue) {
      if (!selected(bench)) continue
      const unavailable = bench.unavailable()
      const samples: Array<Sample> = []
      let failure: string | undefined
      if (unavailable === undefined) {
        for (let run = 0; run < settings.runs && failure === undefined; run++) {
          progress(`${bench.name}: run ${run + 1}/${settings.runs}`)
          try {
            const result = await bench.runOnce(context(run))
            samples.push(...result.samples)
            checks.push(...result.checks.map((c) => ({ ...c, name: `${bench.name} run ${run + 1}: ${c.name}` })))
            if (result.detail !== undefined) (details[bench.name] ??= []).push(result.detail)
          } catch (error) {
            failure = error instanceof Error ? error.message : String(error)
            checks.push({ name: `${bench.name} run ${run + 1}`, ok: false, detail: `failed: ${failure}` })
          }
        }
      }
      rows.push(...bench.rows.map((spec) => buildRow(spec, samples, unavailable ?? (failure === undefined ? undefined : "failed"))))
    }

    const missed = rows.some((r) => workerTargets.has(r.id) && r.status === "MISS")
    let profile: BenchReport["profile"]
    if (settings.profile === "always" || (settings.profile === "auto" && missed)) {
      progress("profiling the worker (node --cpu-prof)")
      profile = await profileWorker(context(0))
    }

    return {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        redis: redisVersion
      },
      settings,
      rows,
      checks,
      details,
      ...(profile === undefined ? {} : { profile })
    }
  } finally {
    monitor.disconnect()
    await server.stop()
  }
}
