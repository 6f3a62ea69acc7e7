// Shared fixtures for the detector tests: config, entries as the worker writes them, matched messages,
// and a detector built on a given store (several can share one store: a restart, a second process).
import { Clock, Context, Duration, Effect, Layer } from "effect"
import type { Bookmaker, DataSource, Market, Outcome } from "../../src/domain/Market.ts"
import { Detector } from "../../src/mispricing/detector/Detector.ts"
import { DetectorConfig, type DetectorSettings } from "../../src/mispricing/detector/DetectorConfig.ts"
import { bySource, defaultSettings, sourceLimits } from "../../src/mispricing/Settings.ts"
import type { StoredQuote } from "../../src/pipeline/entryHash.ts"
import { entryKey, matchedStream, opportunitiesStream } from "../../src/redis/keys.ts"
import { type Command, type Fields, RedisError, RedisStore, type Reply } from "../../src/redis/RedisStore.ts"

export const group = "bookies-detector"
export const start = Date.parse("2025-06-01T12:00:00Z")

export const settings = (consumer: string, over: Partial<DetectorSettings> = {}): DetectorSettings => ({
  group,
  consumer,
  batch: 100,
  block: Duration.millis(50),
  claimIdle: Duration.seconds(30),
  maxDeliveries: 3,
  sweepEvery: Duration.seconds(15),
  opportunitiesMaxLen: 10_000,
  deadMaxLen: 1_000,
  recordTtl: Duration.days(7),
  // Value bets off (an edge of 100 % is never reached), so the tests see the arbitrages alone.
  pricing: bySource({ ...defaultSettings, valueEdge: 1 }, sourceLimits),
  ...over
})

/** A detector of its own on `store` (built in the test's scope). */
export const detectorOn = (store: RedisStore["Service"], consumer: string, over: Partial<DetectorSettings> = {}) =>
  Layer.build(Layer.fresh(Detector.layer).pipe(
    Layer.provide(Layer.mergeAll(Layer.succeed(RedisStore, store), Layer.succeed(DetectorConfig, settings(consumer, over))))
  )).pipe(Effect.map((context) => Context.get(context, Detector)))

export const fixtureKey = "arsenal-chelsea-2025-06-01"

type Prices = Partial<Record<Outcome, number | null>>

/** Writes one bookmaker's quote on an entry, fetched `ageMs` before the clock's time, as the worker does. */
export const quote = (bookmaker: Bookmaker, market: Market, prices: Prices, options: {
  readonly ageMs?: number
  readonly source?: DataSource
  readonly fixture?: string
} = {}) =>
  Effect.gen(function*() {
    const store = yield* RedisStore
    const now = yield* Clock.currentTimeMillis
    const source = options.source ?? "upcoming"
    const stored: StoredQuote = {
      bookmaker,
      market,
      source,
      eventId: `${bookmaker}-1`,
      listing: { home: "Arsenal", away: "Chelsea", kickoff: "2025-06-01T18:00:00.000Z" },
      prices: Object.entries(prices).map(([outcome, price]) => ({ outcome: outcome as Outcome, price: price ?? null })),
      fetchedAt: new Date(now - (options.ageMs ?? 0)).toISOString(),
      jobId: "XTR/1-0",
      stream_date: "0"
    }
    const fixture = options.fixture ?? fixtureKey
    yield* store.exec([{
      op: "hset",
      key: entryKey(source, market, fixture),
      fields: {
        [bookmaker]: JSON.stringify(stored),
        fixture: JSON.stringify({ key: fixture, home: "Arsenal", away: "Chelsea", kickoff: "2025-06-01T18:00:00.000Z" })
      }
    }])
  })

/** The matched message the worker publishes for an entry; `enqueuedAt` is the job's enqueue time (epoch ms). */
export const matched = (market: Market, options: { readonly source?: DataSource; readonly fixture?: string; readonly enqueuedAt?: number } = {}) =>
  RedisStore.use((store) => {
    const source = options.source ?? "upcoming"
    return store.add(matchedStream(source, market), {
      data_key: entryKey(source, market, options.fixture ?? fixtureKey),
      bookmakers: "BookieAlpha,BookieBeta",
      stream_date: "0",
      ...(options.enqueuedAt === undefined ? {} : { enqueued_at: new Date(options.enqueuedAt).toISOString() })
    })
  })

export const streamFields = (key: string) =>
  RedisStore.use((store) => store.range(key, "-", "+", 10_000).pipe(Effect.map((es) => es.map((e) => e.fields))))

export const published = streamFields(opportunitiesStream)

/** `event kind legs…` of each published event, for compact assertions. */
export const eventsOf = (entries: ReadonlyArray<Fields>) =>
  entries.map((f) => {
    const legs = JSON.parse(f.legs ?? "[]") as ReadonlyArray<{ bookmaker: string; outcome: string; price: number }>
    return `${f.event} ${f.kind} ${legs.map((l) => `${l.outcome}@${l.bookmaker}:${l.price}`).join(" ")}`
  })

export const pendingCount = (stream: string, ofGroup = group) =>
  RedisStore.use((store) => store.pending({ stream, group: ofGroup, count: 1000 }).pipe(Effect.map((p) => p.length)))

/** A btts arbitrage: yes 2.1 at Alpha, no 2.1 at Beta (Σ 1/p = 0.952, ROI ≈ 5 %). */
export const bttsArbitrage = (yes = 2.1, no = 2.1, fixture = fixtureKey, source: DataSource = "upcoming") =>
  Effect.all([
    quote("BookieAlpha", "btts", { yes, no: 1.7 }, { fixture, source }),
    quote("BookieBeta", "btts", { yes: 1.8, no }, { fixture, source })
  ])

/** The store with `exec` replaced where `fault` answers (the rest passes through): a crash at a chosen write. */
export const faulty = (
  inner: RedisStore["Service"],
  fault: (commands: ReadonlyArray<Command>) => Effect.Effect<ReadonlyArray<Reply>, RedisError> | undefined
): RedisStore["Service"] => RedisStore.of({ ...inner, exec: (commands, options) => fault(commands) ?? inner.exec(commands, options) })

export const lost = (op: string) => Effect.fail(new RedisError({ op, message: "connection lost" }))
