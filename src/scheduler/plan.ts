// Pure planning for the scheduler: which jobs go on which stream in a round, when each source's
// rounds fall due, and how much unfinished work a stream holds. No I/O here.
import type { Duration } from "effect"
import { jobFields } from "../domain/Job.ts"
import type { Bookmaker, DataSource, Market } from "../domain/Market.ts"
import { dataSources } from "../domain/Market.ts"
import { periodsFor } from "../domain/Period.ts"
import type { Fields, GroupInfo } from "../redis/RedisStore.ts"
import { jobStream } from "../redis/keys.ts"

export interface Plan {
  readonly liveEvery: Duration.Duration
  readonly upcomingEvery: Duration.Duration
  readonly days: number
  readonly bookmakers: ReadonlyArray<Bookmaker>
  readonly markets: ReadonlyArray<Market>
}

export interface StreamRound {
  readonly stream: string
  readonly jobs: ReadonlyArray<Fields>
}

/** Each source's round interval: the first round runs at once, the next one `every` later, and so on. */
export const cadences = (plan: Plan): ReadonlyArray<{ readonly source: DataSource; readonly every: Duration.Duration }> =>
  dataSources.map((source) => ({ source, every: source === "live" ? plan.liveEvery : plan.upcomingEvery }))

/**
 * One round for a source: per market's job stream, a job for every bookmaker and every period ("live", or
 * each day offset "0".."days-1"). Period by period, every bookmaker within each: a round is added as the workers
 * take it (see `roomFor`), so the jobs in flight together go to different bookmakers, and each period's
 * fixtures get all their bookmakers' quotes, hence their matches, before the next period is fetched.
 */
export const planRound = (plan: Plan, source: DataSource): ReadonlyArray<StreamRound> =>
  plan.markets.map((market) => ({
    stream: jobStream(market, source),
    jobs: periodsFor(source, plan.days).flatMap((stream_date) =>
      plan.bookmakers.map((bookmaker) => jobFields({ bookmaker, extractor_type: market, data_source: source, stream_date }))
    )
  }))

/** A job as added to its stream: stamped with its enqueue time for latency measurement. */
export const stamped = (job: Fields, enqueuedAt: number): Fields => ({ ...job, enqueued_at: String(enqueuedAt) })

export interface Backlog {
  readonly pending: number
  readonly undelivered: number
}

/**
 * A stream's unfinished work for the workers' group: entries delivered but not acknowledged, plus
 * entries not delivered yet. Without the group (no worker has started) or when Redis cannot tell the
 * lag, every entry in the stream counts as undelivered.
 */
export const backlogOf = (groups: ReadonlyArray<GroupInfo>, group: string, length: number): Backlog => {
  const info = groups.find((g) => g.name === group)
  return info === undefined
    ? { pending: 0, undelivered: length }
    : { pending: info.pending, undelivered: info.lag ?? length }
}

export const overLimit = (backlog: Backlog, maxBacklog: number): boolean => backlog.pending + backlog.undelivered > maxBacklog

/**
 * How many more of a round's jobs may be added now: a round goes in as the workers get through it, at most
 * `inflight` of its jobs waiting undelivered or running. A job runs while it is delivered and unacknowledged,
 * but only for `waitMs`: after that it no longer holds the round back (it is slow, or it failed and stays
 * pending until it is reclaimed, or its worker died). Jobs added faster only wait in the stream, their
 * enqueue-to-result time growing with the queue ahead of them, and a burst makes all their requests contend
 * for the bookmakers' connections and the workers' CPU at once.
 */
export const roomFor = (
  undelivered: number,
  pending: ReadonlyArray<{ readonly idleMs: number }>,
  limits: { readonly inflight: number; readonly waitMs: number }
): number => Math.max(0, limits.inflight - undelivered - pending.filter((p) => p.idleMs < limits.waitMs).length)
