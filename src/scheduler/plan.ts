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
 * One round for a source: per market's job stream, a job for every bookmaker and every period
 * ("live", or each day offset "0".."days-1"), stamped with the enqueue time for latency measurement.
 */
export const planRound = (plan: Plan, source: DataSource, enqueuedAt: number): ReadonlyArray<StreamRound> =>
  plan.markets.map((market) => ({
    stream: jobStream(market, source),
    jobs: plan.bookmakers.flatMap((bookmaker) =>
      periodsFor(source, plan.days).map((stream_date) => ({
        ...jobFields({ bookmaker, extractor_type: market, data_source: source, stream_date }),
        enqueued_at: String(enqueuedAt)
      }))
    )
  }))

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
