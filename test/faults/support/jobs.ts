// Workloads for the fault suite: synthetic jobs (the I/O-free extractor registry, XTR_EXTRACTORS=synthetic,
// whose outcome is computable from the jobs alone) and simulator jobs, fed into a job stream in pipelined
// chunks through an admin connection that goes straight to Redis (never through the fault proxy).
import { Redis } from "ioredis"
import { bookmakers } from "../../../src/domain/Market.ts"
import type { Fields } from "../../../src/redis/RedisStore.ts"

export const btts = "XTR-BTTS_upcoming_stream"
export const group = "bookies-workers"
export const matchedBtts = "upcoming_btts-matched_stream"

/** FAULTS_SCALE (default 1): scales job counts, never assertions. CI sets 0.1. */
export const scale = (() => {
  const raw = process.env["FAULTS_SCALE"]
  const value = raw === undefined || raw === "" ? 1 : Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`FAULTS_SCALE must be a positive number, got ${raw}`)
  return value
})()

/** `n` scaled, at least `min`. */
export const scaled = (n: number, min = 1): number => Math.max(min, Math.round(n * scale))

export interface Job {
  readonly fields: Fields
  /** Set once fed: the entry id in the job stream. */
  id?: string
}

/**
 * `count` btts jobs cycling through the four bookmakers; each run of four shares a stream_date (`<tag>-<n>`),
 * so every (bookmaker, stream_date) pair occurs once (unique signatures) unless `groups` bounds the distinct
 * stream_dates, in which case later jobs are repeated polls of the same groups.
 */
export const syntheticJobs = (count: number, tag: string, groups?: number): Array<Job> =>
  Array.from({ length: count }, (_, i) => {
    const n = Math.floor(i / bookmakers.length)
    return {
      fields: {
        bookmaker: bookmakers[i % bookmakers.length]!,
        extractor_type: "btts",
        data_source: "upcoming",
        stream_date: `${tag}-${groups === undefined ? n : n % groups}`
      }
    }
  })

export const admin = (port: number, host = "127.0.0.1", options: { readonly password?: string; readonly username?: string } = {}) =>
  new Redis({ host, port, protocol: 2, lazyConnect: false, maxRetriesPerRequest: 2, ...options })

/** XADDs the jobs in order, 1000 per pipeline, and records their ids. */
export const feed = async (redis: Redis, stream: string, jobs: ReadonlyArray<Job>): Promise<void> => {
  for (let from = 0; from < jobs.length; from += 1000) {
    const chunk = jobs.slice(from, from + 1000)
    const pipeline = redis.pipeline()
    for (const job of chunk) pipeline.xadd(stream, "*", ...Object.entries(job.fields).flat())
    const replies = (await pipeline.exec()) ?? []
    replies.forEach(([error, id], n) => {
      if (error !== null) throw error
      chunk[n]!.id = String(id)
    })
  }
}

/** Creates the workers' group from the start of the stream (as the worker would). */
export const createGroup = async (redis: Redis, stream: string, name = group): Promise<void> => {
  await redis.xgroup("CREATE", stream, name, "0", "MKSTREAM").catch((error: Error) => {
    if (!error.message.startsWith("BUSYGROUP")) throw error
  })
}

export interface GroupState {
  readonly pending: number
  readonly lag: number | null
  readonly entriesRead: number
  readonly lastDeliveredId: string
}

/** XINFO GROUPS for one group; undefined when the stream or group does not exist. */
export const groupState = async (redis: Redis, stream: string, name = group): Promise<GroupState | undefined> => {
  const groups = (await redis.xinfo("GROUPS", stream).catch(() => [])) as Array<Array<unknown>>
  for (const flat of groups) {
    const info = new Map<string, unknown>()
    for (let i = 0; i + 1 < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1])
    if (info.get("name") !== name) continue
    return {
      pending: Number(info.get("pending")),
      lag: info.get("lag") === null ? null : Number(info.get("lag")),
      entriesRead: Number(info.get("entries-read") ?? 0),
      lastDeliveredId: String(info.get("last-delivered-id"))
    }
  }
  return undefined
}

/** Jobs acknowledged so far by the group: read minus pending. */
export const acked = async (redis: Redis, stream: string, name = group): Promise<number> => {
  const state = await groupState(redis, stream, name)
  return state === undefined ? 0 : state.entriesRead - state.pending
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls `check` every `everyMs` until it holds; returns the time it took, or throws after `timeoutMs`. */
export const waitUntil = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 50
): Promise<number> => {
  const from = Date.now()
  while (true) {
    if (await check()) return Date.now() - from
    if (Date.now() - from > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(everyMs)
  }
}

/** `promise`, or a rejection naming `what` after `timeoutMs`. */
export const within = <A>(promise: Promise<A>, timeoutMs: number, what: string): Promise<A> => {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs)
    })
  ]).finally(() => clearTimeout(timer))
}

/** Waits until every job of the stream is delivered and acknowledged (pending 0, lag 0). */
export const drained = (redis: Redis, stream: string, timeoutMs: number, name = group) =>
  waitUntil(`${stream} drained`, async () => {
    const state = await groupState(redis, stream, name)
    return state !== undefined && state.pending === 0 && state.lag === 0
  }, timeoutMs, 100)

/** Blocking readers connected (ioredis connection name `bookies-reader`) and waiting in XREADGROUP. */
export const blockedReaders = async (redis: Redis): Promise<number> => {
  const list = String(await redis.client("LIST"))
  return list.split("\n").filter((line) => / name=bookies-reader /.test(line) && / cmd=xreadgroup/.test(line)).length
}

/** Waits until `n` workers are connected and blocked on a read (ready for jobs). */
export const readersReady = (redis: Redis, n: number, timeoutMs = 15_000) =>
  waitUntil(`${n} blocked readers`, async () => (await blockedReaders(redis)) >= n, timeoutMs, 50)

/** Ids pending for the consumer of process `pid` (consumer names end with `-<pid>`). */
export const pendingOf = async (redis: Redis, stream: string, pid: number, name = group): Promise<Array<string>> => {
  const rows = (await redis.xpending(stream, name, "-", "+", 100_000).catch(() => [])) as Array<[string, string, ...Array<unknown>]>
  return rows.filter((r) => r[1].endsWith(`-${pid}`)).map((r) => r[0])
}

/** Whether any of `ids` is still pending in the group. */
export const anyPending = async (redis: Redis, stream: string, ids: ReadonlyArray<string>, name = group): Promise<boolean> => {
  const rows = (await redis.xpending(stream, name, "-", "+", 100_000).catch(() => [])) as Array<[string, ...Array<unknown>]>
  const pending = new Set(rows.map((r) => r[0]))
  return ids.some((id) => pending.has(id))
}
