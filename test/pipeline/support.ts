// Shared test fixtures for the worker: config from explicit variables, a name-keyed resolver, extractors
// that quote given fixtures, job fields, and a clock-driven wait.
import { Clock, ConfigProvider, type Duration, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import type { Extractor } from "../../src/bookmakers/Extractor.ts"
import { workerConfig, WorkerConfig } from "../../src/config/WorkerConfig.ts"
import type { ExtractorError } from "../../src/domain/errors.ts"
import type { Job } from "../../src/domain/Job.ts"
import { type Bookmaker, type DataSource, type Market, outcomesOf } from "../../src/domain/Market.ts"
import type { Quote } from "../../src/domain/Quote.ts"
import { FixtureResolver } from "../../src/matching/FixtureResolver.ts"

export const stream = "XTR-BTTS_upcoming_stream"

/** WorkerConfig parsed from variables, as the process would read them. */
export const configLayer = (env: Readonly<Record<string, string>> = {}) =>
  Layer.effect(WorkerConfig, workerConfig.parse(ConfigProvider.fromEnv({ env: { STREAM: stream, XTRTYPE: "test-worker", ...env } })))

/** Fixture identity for tests: lower-cased names and kickoff date. */
export const resolverLayer = Layer.succeed(FixtureResolver, FixtureResolver.of({
  resolve: (_source, listings) =>
    Effect.succeed(listings.map(({ listing }) => ({
      key: `${listing.home.toLowerCase()}-${listing.away.toLowerCase()}-${listing.kickoff.slice(0, 10)}`
    })))
}))

export interface Fixture {
  readonly home: string
  readonly away: string
}
export const kickoff = "2025-06-01T18:00:00.000Z"
export const fixtures: ReadonlyArray<Fixture> = [
  { home: "Arsenal", away: "Chelsea" },
  { home: "Lyon", away: "Nice" }
]

/** The entry key the test resolver gives a fixture. */
export const entryOf = (f: Fixture, market: Market = "btts", source: DataSource = "upcoming") =>
  `entry:${source}:${market}:${f.home.toLowerCase()}-${f.away.toLowerCase()}-${kickoff.slice(0, 10)}`

export const quoteFor = (bookmaker: Bookmaker, job: Job, f: Fixture, fetchedAt: string): Quote => ({
  bookmaker,
  market: job.extractor_type,
  source: job.data_source,
  eventId: `${bookmaker}-${f.home}`,
  listing: { home: f.home, away: f.away, kickoff },
  prices: outcomesOf[job.extractor_type].map((outcome) => ({ outcome, price: 2.1 })),
  fetchedAt
})

/** An extractor quoting `list` at the clock's time; `before` runs first (to count, sleep or fail). */
export const quoting = (
  bookmaker: Bookmaker,
  list: ReadonlyArray<Fixture> = fixtures,
  before: Effect.Effect<void, ExtractorError> = Effect.void
): Extractor => ({
  extract: (job) =>
    before.pipe(
      Effect.andThen(Clock.currentTimeMillis),
      Effect.map((now) => list.map((f) => quoteFor(bookmaker, job, f, new Date(now).toISOString())))
    )
})

export const job = (bookmaker: string, market: Market = "btts", stream_date = "0", data_source: DataSource = "upcoming") => ({
  bookmaker,
  extractor_type: market,
  data_source,
  stream_date
})

export interface Waiting {
  /** How far time moves between checks (default 100 ms). */
  readonly step?: Duration.Input
  /** Checks before giving up (default 600). */
  readonly limit?: number
  /** What is waited for, for the failure message. */
  readonly what?: string
  /** How time moves: the test clock (default), or really sleeping (`Effect.sleep`) in `it.live` tests. */
  readonly tick?: (step: Duration.Input) => Effect.Effect<void>
}

/** Moves time in steps until `check` holds; dies after `limit` steps. */
export const eventually = <E, R>(check: Effect.Effect<boolean, E, R>, options: Waiting = {}) =>
  Effect.gen(function*() {
    const { limit = 600, step = "100 millis", tick = TestClock.adjust, what = "condition" } = options
    for (let i = 0; i < limit; i++) {
      if (yield* check) return
      yield* tick(step)
    }
    return yield* Effect.die(new Error(`${what} not reached after ${limit} steps`))
  })
