// Turns a bookmaker's fetch plan into its extractors, one per market: the same steps for every bookmaker
// (canonical period, the bookmaker's notation, fetch, count what was skipped), so each bookmaker folder only
// holds what differs.
import { Clock, Effect, Metric, type Result } from "effect"
import { type ExtractorFailed, type PayloadInvalid, PeriodOutOfRange } from "../domain/errors.ts"
import type { Job } from "../domain/Job.ts"
import type { Bookmaker, DataSource, Market } from "../domain/Market.ts"
import { formatPeriod, parsePeriod, type Period } from "../domain/Period.ts"
import type { Extractor } from "./Extractor.ts"
import { eventsSkippedFor } from "./metrics.ts"
import type { Normalised } from "./payload.ts"

export interface FetchPlan<P> {
  readonly bookmaker: Bookmaker
  /** The canonical period in the bookmaker's notation; `now` is for date-based notations. */
  readonly period: (period: Period, now: Date) => Result.Result<P, PeriodOutOfRange>
  readonly fetch: (market: Market, source: DataSource, period: P) => Effect.Effect<Normalised, PayloadInvalid | ExtractorFailed>
}

/** The typed error for a canonical period a bookmaker cannot fetch. */
export const outOfRange = (bookmaker: Bookmaker, period: Period) =>
  new PeriodOutOfRange({ bookmaker, value: formatPeriod(period) })

export type BookmakerExtractors = { readonly [M in Market]: Extractor }

/** The current time as ISO-8601 UTC: the `fetchedAt` of quotes from a response just read. */
export const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

export const extractorsFor = <P>(plan: FetchPlan<P>): BookmakerExtractors => {
  const extract = Effect.fn("Extractor.extract")(function*(market: Market, job: Job) {
    yield* Effect.annotateCurrentSpan({ bookmaker: plan.bookmaker, market, source: job.data_source, period: job.stream_date })
    const canonical = parsePeriod(job.data_source, job.stream_date)
    if (canonical === undefined) return yield* new PeriodOutOfRange({ bookmaker: plan.bookmaker, value: job.stream_date })
    const now = new Date(yield* Clock.currentTimeMillis)
    const period = yield* Effect.fromResult(plan.period(canonical, now))
    const { items, skipped } = yield* plan.fetch(market, job.data_source, period)
    if (skipped.length > 0) {
      yield* Metric.update(eventsSkippedFor(plan.bookmaker, market), skipped.length)
      yield* Effect.logWarning("skipped items in bookmaker payload", {
        bookmaker: plan.bookmaker,
        market,
        period: job.stream_date,
        skipped: skipped.length,
        first: skipped.slice(0, 3)
      })
    }
    return items
  })
  const forMarket = (market: Market): Extractor => ({ extract: (job) => extract(market, job) })
  return { btts: forMarket("btts"), three_way: forMarket("three_way"), double_chance: forMarket("double_chance") }
}
