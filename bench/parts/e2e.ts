// End to end, as `npm start` runs it but on the benchmark's redis-server: `node dist/main.js start` (embedded
// simulator over HTTP, scheduler, a worker per job stream, detector) for a while. The benchmark follows the
// six job streams and the `opportunities` stream from outside and times each new/updated opportunity from
// the enqueue of the job that fetched its newest input — a leg, or a book of a value bet's reference — to
// its publication (both stream ids: Redis' clock).
import { Redis } from "ioredis"
import { dataSources, markets } from "../../src/domain/Market.ts"
import { jobStream, opportunitiesStream } from "../../src/redis/keys.ts"
import { startConsumers } from "../lib/consumers.ts"
import { type Benchmark, scaled } from "../lib/context.ts"
import { quantile } from "../lib/stats.ts"
import { followStreams } from "../lib/streams.ts"
import { mainJs, workerUnavailable } from "../lib/worker.ts"

interface Job {
  readonly ms: number
  readonly key: string // bookmaker|market|source
}

interface Event {
  readonly ms: number
  readonly fields: Readonly<Record<string, string>>
}

const idMs = (id: string) => Number(id.slice(0, id.indexOf("-")))

const jobStreams = new Map(dataSources.flatMap((source) => markets.map((market) => [jobStream(market, source), { market, source }] as const)))

/** Reads the job streams and the opportunities stream as they grow (XREAD, no group: the system's groups are untouched). */
const follow = (redis: Redis) => {
  const jobs: Array<Job> = []
  const events: Array<Event> = []
  const from = new Map([...jobStreams.keys(), opportunitiesStream].map((s) => [s, "0-0"]))
  const following = followStreams(redis, from, (stream, id, fields) => {
    const job = jobStreams.get(stream)
    if (job === undefined) events.push({ ms: idMs(id), fields })
    else jobs.push({ ms: idMs(id), key: `${fields["bookmaker"]}|${job.market}|${job.source}` })
  })
  return {
    stop: async () => {
      await following.stop()
      return { jobs, events }
    }
  }
}

/** A quote an opportunity rests on, as its event lists it: a leg, or a book of a value bet's reference. */
interface Input {
  readonly bookmaker: string
  readonly market: string
  readonly age_ms: number
}

export interface Timing {
  /** Enqueue of the job → publication of the opportunity. */
  readonly total: number
  /** Enqueue → the quote fetched (waiting in the stream and for a batch, then the HTTP extraction). */
  readonly toFetch: number
}

/**
 * What an event is timed from: `inputs`, its newest input of all (the quote that completed what it rests on:
 * a change of the consensus alone can reveal or update a value bet); `legs`, its newest leg only, the rule
 * before reference books were published, which counts such a value bet from an older leg's job.
 */
export type TimedFrom = "inputs" | "legs"

const inputsOf = (fields: Readonly<Record<string, string>>, from: TimedFrom): ReadonlyArray<Input> => [
  ...JSON.parse(fields["legs"] ?? "[]") as ReadonlyArray<Input>,
  ...(from === "inputs" ? JSON.parse(fields["reference_books"] ?? "[]") as ReadonlyArray<Input> : [])
]

/**
 * Per new/updated opportunity: its newest input's quote was fetched at detected_at − age; the job that fetched
 * it is the last one for that bookmaker, market and source enqueued before then. Latency: publication − enqueue.
 */
export const opportunityLatencies = (
  jobs: ReadonlyArray<Job>,
  events: ReadonlyArray<Event>,
  from: TimedFrom = "inputs"
): ReadonlyArray<Timing> =>
  events.flatMap((e) => {
    if (e.fields["event"] !== "new" && e.fields["event"] !== "updated") return []
    const newest = inputsOf(e.fields, from).reduce<Input | undefined>((a, l) => (a === undefined || l.age_ms < a.age_ms ? l : a), undefined)
    if (newest === undefined) return []
    const fetchedAt = Date.parse(e.fields["detected_at"] ?? "") - newest.age_ms
    const key = `${newest.bookmaker}|${newest.market}|${e.fields["source"]}`
    let enqueued = Number.NEGATIVE_INFINITY
    for (const j of jobs) if (j.key === key && j.ms <= fetchedAt && j.ms > enqueued) enqueued = j.ms
    return enqueued === Number.NEGATIVE_INFINITY ? [] : [{ total: e.ms - enqueued, toFetch: fetchedAt - enqueued }]
  })

export const e2e: Benchmark = {
  name: "e2e",
  rows: [
    { id: "e2e.p50", label: "end to end (start, simulator over HTTP): enqueue→opportunity p50", unit: "ms", digits: 0 },
    { id: "e2e.p95", label: "end to end (start, simulator over HTTP): enqueue→opportunity p95", unit: "ms", target: { op: "<", value: 1000 }, digits: 0 },
    { id: "e2e.toFetch", label: "end to end: of which enqueue→quote fetched, p50", unit: "ms", digits: 0 },
    { id: "e2e.p95legs", label: "end to end: p95 timed from the newest leg only (the former rule)", unit: "ms", digits: 0 },
    { id: "e2e.events", label: "end to end: opportunity events timed per run", unit: "events", digits: 0 }
  ],
  unavailable: workerUnavailable,
  runOnce: async (ctx) => {
    const seconds = scaled(60, ctx.scale, 8)
    await ctx.monitor.flushall("SYNC")
    const follower = new Redis(ctx.redisUrl, { protocol: 2 })
    const following = follow(follower)
    const system = startConsumers({
      args: [mainJs, "start", "--duration", `${seconds}s`],
      env: { REDIS_URL: ctx.redisUrl },
      processes: 1,
      logPrefix: `${ctx.outDir}/e2e-run${ctx.run}`
    })
    let exit: number | string
    try {
      exit = await system.exited(seconds * 1000 + 60_000)
    } finally {
      await system.stop()
    }
    const { jobs, events } = await following.stop()
    follower.disconnect()
    const timings = opportunityLatencies(jobs, events)
    const latencies = timings.map((t) => t.total)
    const fromLegs = opportunityLatencies(jobs, events, "legs").map((t) => t.total)
    return {
      samples: latencies.length === 0 ? [] : [
        { id: "e2e.p50", value: quantile(latencies, 0.5) },
        { id: "e2e.p95", value: quantile(latencies, 0.95) },
        { id: "e2e.toFetch", value: quantile(timings.map((t) => t.toFetch), 0.5) },
        { id: "e2e.p95legs", value: quantile(fromLegs, 0.95) },
        { id: "e2e.events", value: latencies.length }
      ],
      checks: [
        { name: "start exited cleanly", ok: exit === 0, detail: `exit ${exit}` },
        { name: "opportunities timed", ok: latencies.length > 0, detail: `${latencies.length} new/updated events of ${events.length}, ${jobs.length} jobs seen in ${seconds} s` }
      ]
    }
  }
}
