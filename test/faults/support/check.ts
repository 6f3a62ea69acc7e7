// The invariants every scenario ends with, read straight from Redis (issue 5):
// - no loss: the group's pending list and lag are 0, and every job is either written (its quotes are on its
//   entries, under its job id) or in the dead-letter stream with a reason — exactly once;
// - no double publication: no (data_key, stream_date, bookmakers) published twice on a matched stream. Each
//   workload has one job per (bookmaker, stream_date) (unless it says otherwise), so that triple identifies
//   the publication's signature (the bookmakers' job ids), and a second copy is a duplicate;
// - the matched entries are the ones the jobs must produce (synthetic workloads: expectedMatches).
import type { Redis } from "ioredis"
import { expectedMatches, type JobLike } from "../../../src/bookmakers/synthetic/expectedMatches.ts"
import { bookmakers, canonicalBookmaker } from "../../../src/domain/Market.ts"
import { deadLetterStream } from "../../../src/redis/keys.ts"
import { group, groupState, type Job } from "./jobs.ts"

export interface Expectation {
  readonly stream: string
  readonly jobs: ReadonlyArray<Job>
  /** Ids that must end dead-lettered (poison); others may, when `deadAllowed` says so. */
  readonly mustDie?: ReadonlySet<string>
  /** A job outside `mustDie` may be dead-lettered (e.g. after the delivery limit under bookmaker faults). */
  readonly deadAllowed?: (job: Job) => boolean
  /**
   * How a written job is recognised: `synthetic` — its job id on exactly `fixturesPerJob` entries (with
   * `latestOnly`, repeated polls: only the last job of each (bookmaker, stream_date) is still visible, the
   * others count as written once acknowledged); `some` — its job id on at least one entry.
   */
  readonly written: { readonly kind: "synthetic"; readonly fixturesPerJob: number; readonly latestOnly?: boolean } | { readonly kind: "some" }
  readonly matchedStreams: ReadonlyArray<string>
  /** With a synthetic workload: check the distinct matched entries against expectedMatches (threshold 2). */
  readonly expectMatches?: boolean
  /** Repeated polls republish legitimately: skip the duplicate count. */
  readonly skipDuplicates?: boolean
  readonly groupName?: string
}

export interface Verdict {
  readonly jobsIn: number
  readonly processed: number
  readonly deadLettered: number
  readonly lost: number
  /** null when not counted (repeated polls). */
  readonly duplicates: number | null
  readonly publications: number
  readonly distinctMatches: number
  readonly pending: number
  readonly lag: number | null
  readonly deadReasons: ReadonlyMap<string, string>
  /** Every violated invariant, in words; empty when all hold. */
  readonly problems: ReadonlyArray<string>
}

/** All entries of a stream, 10,000 per XRANGE. */
export const readAll = async (redis: Redis, stream: string): Promise<Array<{ id: string; fields: Record<string, string> }>> => {
  const out: Array<{ id: string; fields: Record<string, string> }> = []
  let start = "-"
  while (true) {
    const page = await redis.xrange(stream, start, "+", "COUNT", 10_000)
    for (const [id, flat] of page) {
      const fields: Record<string, string> = Object.create(null)
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!
      out.push({ id, fields })
    }
    if (page.length < 10_000) return out
    start = `(${page[page.length - 1]![0]}`
  }
}

/** Job id → how many entry hashes hold a quote written by it (under its bookmaker's field). */
export const quotesByJob = async (redis: Redis): Promise<Map<string, number>> => {
  const counts = new Map<string, number>()
  let cursor = "0"
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "entry:*", "COUNT", 1000)
    cursor = next
    const pipeline = redis.pipeline()
    for (const key of keys) pipeline.hgetall(key)
    for (const [error, hash] of (await pipeline.exec()) ?? []) {
      if (error !== null) throw error
      for (const [field, value] of Object.entries(hash as Record<string, string>)) {
        if (!(bookmakers as ReadonlyArray<string>).includes(field)) continue
        const jobId = (JSON.parse(value) as { jobId?: unknown }).jobId
        if (typeof jobId === "string") counts.set(jobId, (counts.get(jobId) ?? 0) + 1)
      }
    }
  } while (cursor !== "0")
  return counts
}

/** Publications on the matched streams: total, distinct data_keys, and copies beyond the first of each signature. */
export const publications = async (redis: Redis, streams: ReadonlyArray<string>) => {
  const seen = new Map<string, number>()
  const keys = new Set<string>()
  let total = 0
  for (const stream of streams) {
    for (const { fields } of await readAll(redis, stream)) {
      total++
      keys.add(fields["data_key"] ?? "")
      const signature = `${fields["data_key"]}\u0000${fields["stream_date"]}\u0000${fields["bookmakers"]}`
      seen.set(signature, (seen.get(signature) ?? 0) + 1)
    }
  }
  let duplicates = 0
  for (const n of seen.values()) duplicates += n - 1
  return { total, distinct: keys.size, duplicates }
}

const pendingIds = async (redis: Redis, stream: string, name: string): Promise<Array<string>> => {
  const rows = (await redis.xpending(stream, name, "-", "+", 100_000).catch(() => [])) as Array<[string, ...Array<unknown>]>
  return rows.map((r) => r[0])
}

export const verify = async (redis: Redis, e: Expectation): Promise<Verdict> => {
  const problems: Array<string> = []
  const name = e.groupName ?? group
  const state = await groupState(redis, e.stream, name)
  const pending = state?.pending ?? -1
  const lag = state?.lag ?? null
  if (state === undefined) problems.push(`group ${name} of ${e.stream} is missing`)
  else {
    if (state.pending !== 0) problems.push(`pending list holds ${state.pending} entries`)
    if (state.lag !== 0) problems.push(`lag is ${state.lag}`)
  }
  const stillPending = new Set(await pendingIds(redis, e.stream, name))

  const deadReasons = new Map<string, string>()
  for (const { fields } of await readAll(redis, deadLetterStream(e.stream))) {
    const id = fields["dead_id"] ?? ""
    if (deadReasons.has(id)) problems.push(`job ${id} dead-lettered twice`)
    if ((fields["dead_reason"] ?? "") === "") problems.push(`dead letter of ${id} has no reason`)
    deadReasons.set(id, fields["dead_reason"] ?? "")
  }

  const quotes = await quotesByJob(redis)
  const latest = new Map<string, string>() // (bookmaker, stream_date) → id of its last job
  for (const job of e.jobs) {
    const b = canonicalBookmaker(String(job.fields["bookmaker"] ?? "")) ?? ""
    latest.set(`${b}\u0000${job.fields["stream_date"]}`, job.id!)
  }

  let processed = 0
  let deadLettered = 0
  const lostIds: Array<string> = []
  const survivors: Array<Job> = []
  for (const job of e.jobs) {
    const id = job.id!
    const jobId = `${e.stream}/${id}`
    const written = quotes.get(jobId) ?? 0
    if (deadReasons.has(id)) {
      deadLettered++
      if (written > 0) problems.push(`job ${id} is dead-lettered but its quotes were written`)
      if (!(e.mustDie?.has(id) ?? false) && !(e.deadAllowed?.(job) ?? false)) problems.push(`job ${id} dead-lettered unexpectedly: ${deadReasons.get(id)}`)
      continue
    }
    if (e.mustDie?.has(id) ?? false) problems.push(`poison job ${id} was not dead-lettered`)
    survivors.push(job)
    let ok: boolean
    if (stillPending.has(id)) ok = false
    else if (e.written.kind === "some") ok = written > 0
    else {
      const b = canonicalBookmaker(String(job.fields["bookmaker"] ?? "")) ?? ""
      const isLatest = latest.get(`${b}\u0000${job.fields["stream_date"]}`) === id
      ok = e.written.latestOnly === true && !isLatest ? state !== undefined && state.lag === 0 : written === e.written.fixturesPerJob
    }
    if (ok) processed++
    else lostIds.push(id)
  }
  if (lostIds.length > 0) problems.push(`${lostIds.length} jobs neither written nor dead-lettered, e.g. ${lostIds.slice(0, 5).join(", ")}`)

  const pubs = await publications(redis, e.matchedStreams)
  if (!e.skipDuplicates && pubs.duplicates > 0) problems.push(`${pubs.duplicates} duplicate publications`)
  if (e.expectMatches === true && e.written.kind === "synthetic") {
    const expected = expectedMatches(
      survivors.map((j) => j.fields as unknown as JobLike), // synthetic jobs: fields of the Job schema
      { btts: 2, three_way: 2, double_chance: 2 },
      e.written.fixturesPerJob
    )
    if (pubs.distinct !== expected) problems.push(`${pubs.distinct} distinct matched entries, expected ${expected}`)
  }

  return {
    jobsIn: e.jobs.length,
    processed,
    deadLettered,
    lost: lostIds.length,
    duplicates: e.skipDuplicates ? null : pubs.duplicates,
    publications: pubs.total,
    distinctMatches: pubs.distinct,
    pending,
    lag,
    deadReasons,
    problems
  }
}
