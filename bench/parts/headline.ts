// The headline: the real worker draining 100,000 synthetic jobs (4 bookmakers × 3 markets, 5 fixtures per
// job, batch size 4) against the minimal ioredis reference in the same run, then, on each of them, 10,000
// jobs paced at 1,000 jobs/s for enqueue → match-published latency. Peak RSS and the paced latencies are
// given as ratios to the reference's too: what a minimal consumer reaches on the same machine in the same run.
import { Redis } from "ioredis"
import { expectedMatches } from "../../src/bookmakers/synthetic/expectedMatches.ts"
import type { JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"
import { type Consumers, type Drain, peakRssMiB, waitDrained } from "../lib/consumers.ts"
import { type Benchmark, type BenchContext, scaled } from "../lib/context.ts"
import { followMatched, type Publication, publishedEntries } from "../lib/matched.ts"
import { pace } from "../lib/pacer.ts"
import type { Check, Sample } from "../lib/report.ts"
import { quantile } from "../lib/stats.ts"
import { parseId } from "../../src/redis/streamId.ts"
import { makeJobs, roundsIn } from "../lib/workload.ts"
import {
  benchGroup,
  benchStream,
  drain as drainStaged,
  stage,
  startReference,
  startWorkers,
  thresholds,
  workerUnavailable
} from "../lib/worker.ts"

export const fixturesPerJob = 5
const pacedRate = 1000

/** Drains the pre-filled `jobs` with one consumer; checks the distinct matched entries against `expected`. */
const drainWith = async (
  ctx: BenchContext,
  name: string,
  start: () => Consumers,
  jobs: ReadonlyArray<JobLike>,
  expected: number,
  then: (consumers: Consumers) => Promise<void> = async () => {}
): Promise<{ readonly drain: Drain; readonly rssMiB: number; readonly checks: ReadonlyArray<Check> }> => {
  await stage(ctx.monitor, jobs)
  const consumers = start()
  let drain: Drain
  let rssMiB: number
  let published: { distinct: number; messages: number }
  try {
    drain = await drainStaged(ctx.monitor, consumers, jobs)
    published = await publishedEntries(ctx.monitor)
    await then(consumers)
    rssMiB = peakRssMiB(consumers)
  } finally {
    const codes = await consumers.stop()
    if (codes.some((c) => c !== 0)) throw new Error(`${name} exited with ${codes.join(",")}`)
  }
  return {
    drain,
    rssMiB,
    checks: [{
      name: `${name}: matched entries published = expected (drain)`,
      ok: published.distinct === expected,
      detail: `${published.distinct} distinct of ${expected} expected (${published.messages} publications)`
    }]
  }
}

/** `live_three_way-matched_stream` → ["live", "three_way"]. */
const sourceAndMarket = (stream: string) => {
  const cut = stream.indexOf("_")
  return [stream.slice(0, cut), stream.slice(cut + 1, stream.indexOf("-matched_stream"))] as const
}

const jobKey = (source: string, market: string, streamDate: string, bookmaker: string) =>
  `${source}|${market}|${streamDate}|${bookmaker}`

/**
 * Each publication's latency: from the enqueue of the job that triggered it — the last job sent, before the
 * publication arrived, among those of its bookmakers for its market and period — to its arrival.
 */
export const latencies = (
  pubs: ReadonlyArray<Publication>,
  sentAt: ReadonlyMap<string, ReadonlyArray<number>>
): ReadonlyArray<number> =>
  pubs.flatMap((p) => {
    const [source, market] = sourceAndMarket(p.stream)
    let trigger = Number.NEGATIVE_INFINITY
    for (const b of (p.fields["bookmakers"] ?? "").split(",")) {
      const sends = sentAt.get(jobKey(source, market, p.fields["stream_date"] ?? "", b)) ?? []
      for (const t of sends) if (t <= p.arrivedAt && t > trigger) trigger = t
    }
    return trigger === Number.NEGATIVE_INFINITY ? [] : [p.arrivedAt - trigger]
  })

/**
 * Each publication's latency by Redis' clock alone, in whole milliseconds: from the enqueue of the earliest
 * job its commit took (`enqueued_at`, from that job's id) to its own id. The benchmark's process is not on
 * this path, so a tail seen here as well is the worker's (or Redis'), not the harness's.
 */
export const redisClockLatencies = (pubs: ReadonlyArray<Publication>): ReadonlyArray<number> =>
  pubs.flatMap((p) => {
    const publishedAt = parseId(p.id)?.ms
    const enqueuedAt = Date.parse(p.fields["enqueued_at"] ?? "")
    return publishedAt === undefined || !Number.isFinite(enqueuedAt) ? [] : [publishedAt - enqueuedAt]
  })

/** `count` jobs at 1,000 jobs/s after `drained` were drained; each publication's latency (see `latencies`). */
export const pacedPhase = async (ctx: BenchContext, consumers: Consumers, drained: number, firstRound: number, count: number) => {
  const jobs = makeJobs(count, firstRound)
  const sentAt = new Map<string, Array<number>>()
  const follower = new Redis(ctx.redisUrl, { protocol: 2 })
  const producer = new Redis(ctx.redisUrl, { protocol: 2 })
  try {
    const follow = await followMatched(follower)
    await pace(producer, benchStream, jobs, pacedRate, (job, at) => {
      const key = jobKey(job.data_source, job.extractor_type, job.stream_date, job.bookmaker)
      sentAt.set(key, [...(sentAt.get(key) ?? []), at])
    })
    await waitDrained(ctx.monitor, consumers, benchStream, benchGroup, drained + count, 60_000)
    await new Promise((r) => setTimeout(r, 200)) // the last publications reach the follower
    const pubs = await follow.stop()
    return { jobs, pubs, latencies: latencies(pubs, sentAt), redisClock: redisClockLatencies(pubs) }
  } finally {
    follower.disconnect()
    producer.disconnect()
  }
}

export const headline: Benchmark = {
  name: "headline",
  rows: [
    { id: "ref.jobsPerSec", label: "reference (ioredis loop): drain jobs/s", unit: "jobs/s", digits: 0 },
    { id: "worker.jobsPerSec", label: "worker: drain jobs/s", unit: "jobs/s", reference: "reference", target: { op: ">=", value: 0.75, onRatio: true }, digits: 0 },
    { id: "worker.cpuPerJob", label: "worker: CPU per job", unit: "µs", reference: "reference", digits: 1 },
    { id: "worker.redisCpuPerJob", label: "worker: Redis CPU per job", unit: "µs", reference: "reference", digits: 1 },
    { id: "worker.commandsPerJob", label: "worker: Redis commands per job", unit: "cmd", reference: "reference", digits: 2 },
    { id: "worker.readsPerJob", label: "worker: Redis socket reads per job", unit: "reads", reference: "reference", digits: 2 },
    { id: "ref.peakRss", label: "reference: peak RSS (drain + paced)", unit: "MiB", digits: 1 },
    { id: "worker.peakRss", label: "worker: peak RSS (drain + paced)", unit: "MiB", reference: "reference", target: { op: "<=", value: 120 }, digits: 1 },
    { id: "ref.paced.p50", label: "reference: paced 1,000 jobs/s, enqueue→published p50", unit: "ms", digits: 2 },
    { id: "ref.paced.p90", label: "reference: paced 1,000 jobs/s, enqueue→published p90", unit: "ms", digits: 2 },
    { id: "ref.paced.p99", label: "reference: paced 1,000 jobs/s, enqueue→published p99", unit: "ms", digits: 2 },
    { id: "paced.p50", label: "paced 1,000 jobs/s: enqueue→published p50", unit: "ms", reference: "reference", digits: 2 },
    { id: "paced.p90", label: "paced 1,000 jobs/s: enqueue→published p90", unit: "ms", reference: "reference", digits: 2 },
    { id: "paced.p99", label: "paced 1,000 jobs/s: enqueue→published p99", unit: "ms", reference: "reference", target: { op: "<=", value: 2 }, digits: 2 },
    { id: "paced.p99redis", label: "paced: p99 by Redis' clock (publication id − job id)", unit: "ms", digits: 0 }
  ],
  unavailable: workerUnavailable,
  runOnce: async (ctx) => {
    const jobCount = scaled(100_000, ctx.scale, 48)
    const pacedCount = scaled(10_000, ctx.scale, 48)
    const jobs = makeJobs(jobCount)
    const expected = expectedMatches(jobs, thresholds, fixturesPerJob)
    const log = (who: string) => `${ctx.outDir}/headline-${who}-run${ctx.run}`

    /** The drain, then the paced phase on the same process. */
    const drainAndPace = async (name: string, start: () => Consumers) => {
      let paced: Awaited<ReturnType<typeof pacedPhase>> | undefined
      const result = await drainWith(ctx, name, start, jobs, expected, async (consumers) => {
        paced = await pacedPhase(ctx, consumers, jobCount, roundsIn(jobCount), pacedCount)
      })
      const all = await publishedEntries(ctx.monitor)
      const expectedAll = expectedMatches([...jobs, ...paced!.jobs], thresholds, fixturesPerJob)
      return {
        ...result,
        paced: paced!,
        checks: [...result.checks, {
          name: `${name}: matched entries published = expected (drain + paced)`,
          ok: all.distinct === expectedAll,
          detail: `${all.distinct} distinct of ${expectedAll} expected; ${paced!.latencies.length} latency samples`
        }]
      }
    }
    const runReference = () => drainAndPace("reference", () => startReference(ctx.redisUrl, fixturesPerJob, log("reference")))
    const runWorker = () =>
      drainAndPace("worker", () => startWorkers(ctx.redisUrl, { processes: 1, fixturesPerJob, logPrefix: log("worker") }))
    // Alternate which goes first, so a drift in the machine's load does not always favour one side.
    const [ref, worker] = ctx.run % 2 === 0
      ? [await runReference(), await runWorker()]
      : await runWorker().then(async (w) => [await runReference(), w] as const)

    const r = ref.drain
    const w = worker.drain
    const lat = worker.paced.latencies
    const refLat = ref.paced.latencies
    /** Each paced quantile of the reference, then of the worker as a ratio to the reference's when both were timed. */
    const pacedQuantiles = [["p50", 0.5], ["p90", 0.9], ["p99", 0.99]] as const
    const refPaced = refLat.length === 0 ? [] : pacedQuantiles.map(([p, q]) => ({ id: `ref.paced.${p}`, value: quantile(refLat, q) }))
    const workerPaced = lat.length === 0 ? [] : pacedQuantiles.map(([p, q], n): Sample => {
      const value = quantile(lat, q)
      return refPaced.length === 0 ? { id: `paced.${p}`, value } : { id: `paced.${p}`, value, ratio: value / refPaced[n]!.value }
    })
    const samples: Array<Sample> = [
      { id: "ref.jobsPerSec", value: r.jobsPerSec },
      { id: "worker.jobsPerSec", value: w.jobsPerSec, ratio: w.jobsPerSec / r.jobsPerSec },
      { id: "worker.cpuPerJob", value: w.consumerCpuMicrosPerJob, ratio: w.consumerCpuMicrosPerJob / r.consumerCpuMicrosPerJob },
      { id: "worker.redisCpuPerJob", value: w.redisCpuMicrosPerJob, ratio: w.redisCpuMicrosPerJob / r.redisCpuMicrosPerJob },
      { id: "worker.commandsPerJob", value: w.commandsPerJob, ratio: w.commandsPerJob / r.commandsPerJob },
      { id: "worker.readsPerJob", value: w.socketReadsPerJob, ratio: w.socketReadsPerJob / r.socketReadsPerJob },
      { id: "ref.peakRss", value: ref.rssMiB },
      { id: "worker.peakRss", value: worker.rssMiB, ratio: worker.rssMiB / ref.rssMiB },
      ...refPaced,
      ...workerPaced,
      ...(worker.paced.redisClock.length === 0 ? [] : [{ id: "paced.p99redis", value: quantile(worker.paced.redisClock, 0.99) }])
    ]
    return {
      samples,
      checks: [
        ...ref.checks,
        ...worker.checks,
        { name: "paced: latency samples", ok: lat.length > 0 && refLat.length > 0, detail: `${lat.length} publications of the worker timed, ${refLat.length} of the reference` }
      ],
      detail: { reference: r, worker: w }
    }
  }
}
