// Runs the benchmarks against a redis-server of its own, several times each, and builds the report.
import { mkdirSync, readdirSync, readFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { Redis } from "ioredis"
import { startRedisServer } from "../test/support/redisServer.ts"
import type { Benchmark, BenchContext } from "./lib/context.ts"
import { scaled } from "./lib/context.ts"
import { describeGc, type GcSummary, parseGcTrace, summariseGc } from "./lib/gcTrace.ts"
import { type HotFunction, type PackageTime, type PerJobTime, perJobAgainst, summariseProfile } from "./lib/profile.ts"
import { buildRow, type Check, type Row, type Sample } from "./lib/report.ts"
import type { BenchSettings } from "./lib/settings.ts"
import { type Consumers, startConsumers } from "./lib/consumers.ts"
import { makeJobs, roundsIn } from "./lib/workload.ts"
import { drain, mainJs, stage, startReference, startWorkers } from "./lib/worker.ts"
import { catalogue } from "./catalogue.ts"
import { fixturesPerJob, pacedPhase } from "./parts/headline.ts"

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
  readonly profiles: ReadonlyArray<Profile>
  /** The worker's and the reference's headline profiles side by side, when both were taken (see perJobAgainst). */
  readonly perJob: ReadonlyArray<PerJobTime>
}

export interface Profile {
  readonly name: string
  readonly why: string
  readonly file: string
  readonly totalMs: number
  readonly hot: ReadonlyArray<HotFunction>
  readonly byPackage: ReadonlyArray<PackageTime>
  /** The jobs of the profiled run (drain + paced), for a headline profile. */
  readonly jobs?: number
  /** The consumer's collections (--trace-gc-nvp) in each phase of a headline profile. */
  readonly gc?: GcPhases
}

/** What a profiled headline run measured besides the profile: its jobs (drain + paced) and collections. */
interface Profiled {
  readonly jobs: number
  readonly gc: GcPhases
}

export interface GcPhases {
  readonly drain: GcSummary
  readonly paced: GcSummary
}

/** The profile one process wrote into `dir` when it exited. */
const readProfile = (name: string, why: string, dir: string, profiled: Profiled | undefined): Profile => {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))
  if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`)
  return { name, why, file: `${dir}/${file}`, ...summariseProfile(`${dir}/${file}`), ...profiled }
}

export const describeGcPhases = (gc: GcPhases): ReadonlyArray<string> => [
  `GC while draining: ${describeGc(gc.drain)}`,
  `GC while paced at 1,000 jobs/s: ${describeGc(gc.paced)}`
]

const profileDir = (ctx: BenchContext, name: string) => {
  const dir = `${ctx.outDir}/profile-${name}`
  mkdirSync(dir, { recursive: true })
  return dir
}

const cpuProf = (dir: string) => ["--cpu-prof", `--cpu-prof-dir=${dir}`]

/**
 * The headline's two phases on the consumer `start` gives (with these node flags, logging to `<logPrefix>.0.log`),
 * with the collector's pauses traced: the CPU profile says where its time goes, the trace how much of each
 * phase it spent stopped.
 */
const profileHeadline = async (
  ctx: BenchContext,
  dir: string,
  start: (nodeFlags: ReadonlyArray<string>, logPrefix: string) => Consumers
): Promise<Profiled> => {
  const jobs = makeJobs(scaled(100_000, ctx.scale, 48))
  const pacedCount = scaled(10_000, ctx.scale, 48)
  await stage(ctx.monitor, jobs)
  const spawnedAt = performance.now() // ≈ when the consumer's isolate started, the origin of its trace's clock
  const log = `${dir}/consumer`
  const consumers = start([...cpuProf(dir), "--trace-gc-nvp"], log)
  const since = () => performance.now() - spawnedAt
  let drainedAt = 0
  let pacedAt = 0
  try {
    await drain(ctx.monitor, consumers, jobs, Math.max(120_000, jobs.length * 4))
    drainedAt = since()
    await pacedPhase(ctx, consumers, jobs.length, roundsIn(jobs.length), pacedCount)
    pacedAt = since()
  } finally {
    await consumers.stop() // the profile is written when the process exits
  }
  const events = parseGcTrace(readFileSync(`${log}.0.log`, "utf8"))
  return {
    jobs: jobs.length + pacedCount,
    gc: {
      drain: summariseGc(events, { fromMs: 0, toMs: drainedAt }, jobs.length),
      paced: summariseGc(events, { fromMs: drainedAt, toMs: pacedAt }, pacedCount)
    }
  }
}

/** What to profile when one of its rows misses its target: the process doing the work (--cpu-prof, or the inspector's profiler around the timed work). */
const profilers: ReadonlyArray<{
  readonly name: string
  readonly rows: ReadonlyArray<string>
  /** Runs the process with a CPU profile written to `dir`; what else it measured. */
  readonly run: (ctx: BenchContext, dir: string) => Promise<Profiled | undefined>
}> = [
  {
    name: "worker",
    rows: ["worker.jobsPerSec", "worker.peakRss", "paced.p99", "rt.growth"],
    run: (ctx, dir) =>
      profileHeadline(ctx, dir, (nodeFlags, logPrefix) => startWorkers(ctx.redisUrl, { processes: 1, fixturesPerJob, logPrefix, nodeFlags }))
  },
  {
    // The same two phases on the reference: what the worker spends per job beyond it, place by place.
    name: "reference",
    rows: ["worker.jobsPerSec"],
    run: (ctx, dir) => profileHeadline(ctx, dir, (nodeFlags, logPrefix) => startReference(ctx.redisUrl, fixturesPerJob, logPrefix, nodeFlags))
  },
  {
    name: "decode",
    rows: ["decode.alpha", "decode.beta", "decode.gamma", "decode.delta"],
    run: async (_ctx, dir) => {
      const child = startConsumers({ args: ["bench/parts/decode.ts", dir], env: {}, processes: 1, logPrefix: `${dir}/decode` })
      const code = await child.exited(300_000)
      if (code !== 0) throw new Error(`decode profile run exited ${code}`)
      return undefined
    }
  },
  {
    name: "start",
    rows: ["e2e.p95"],
    run: async (ctx, dir) => {
      await ctx.monitor.flushall("SYNC")
      const seconds = scaled(60, ctx.scale, 8)
      const child = startConsumers({
        args: [...cpuProf(dir), mainJs, "start", "--duration", `${seconds}s`],
        env: { REDIS_URL: ctx.redisUrl },
        processes: 1,
        logPrefix: `${dir}/start`
      })
      const code = await child.exited(seconds * 1000 + 60_000)
      if (code !== 0) throw new Error(`start exited ${code}`)
      return undefined
    }
  }
]

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

    const profiles: Array<Profile> = []
    for (const p of profilers) {
      const missed = rows.filter((r) => p.rows.includes(r.id) && r.status === "MISS").map((r) => r.id)
      const measured = rows.some((r) => p.rows.includes(r.id) && r.value !== null)
      if (!measured || (settings.profile !== "always" && (settings.profile === "never" || missed.length === 0))) continue
      progress(`profiling ${p.name} (node --cpu-prof)`)
      const ctx = context(0)
      const dir = profileDir(ctx, p.name)
      try {
        const profiled = await p.run(ctx, dir)
        profiles.push(readProfile(p.name, missed.length === 0 ? "BENCH_PROFILE=always" : `missed: ${missed.join(", ")}`, dir, profiled))
      } catch (error) {
        checks.push({ name: `profile ${p.name}`, ok: false, detail: error instanceof Error ? error.message : String(error) })
      }
    }

    const worker = profiles.find((p) => p.name === "worker")
    const reference = profiles.find((p) => p.name === "reference")
    const perJob = worker?.jobs === undefined || reference === undefined ? [] : perJobAgainst(worker, reference, worker.jobs)

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
      profiles,
      perJob
    }
  } finally {
    monitor.disconnect()
    await server.stop()
  }
}
