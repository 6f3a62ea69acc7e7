// One batch of job-stream entries: extract concurrently, write entries, fold, publish, then acknowledge.
// Round trips: (1) HSET (+ EXPIRE when due, see entryTtl.ts) + HGETALL of every entry touched, and the dead
// letters; (2) the publications; (3) XACK, after the EXPIRE of entries (1) created without one. The XACK has its own round trip, sent only once the writes have succeeded: pipelined commands run
// independently, and under `maxmemory noeviction` Redis refuses writes but still accepts XACK (issue 5). (One
// MULTI/EXEC for (2) and (3) would not do: a publish-once script that fails inside EXEC — NOSCRIPT after a
// script flush, or out of memory when memory ran out between queueing and EXEC — does not stop the XACK.)
import { randomUUID } from "node:crypto"
import { Clock, Duration, Effect, Metric, Schedule } from "effect"
import { Extractors } from "../bookmakers/Extractors.ts"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import type { DataSource } from "../domain/Market.ts"
import { FixtureResolver } from "../matching/FixtureResolver.ts"
import { fold, type Observation } from "../matching/fold.ts"
import { entryKey } from "../redis/keys.ts"
import { type Command, type RedisError, RedisStore, type StreamEntry } from "../redis/RedisStore.ts"
import { parseId } from "../redis/streamId.ts"
import { entryCommands, jobIdOf, makeStoredReader, type Placed, placedObservation } from "./entryHash.ts"
import { makeEntryTtl } from "./entryTtl.ts"
import { dead, type JobOutcome } from "./JobOutcome.ts"
import { metricsFor } from "./metrics.ts"
import { clip, deadLetter, publication } from "./outputs.ts"
import { makeRunJob } from "./runJob.ts"

export interface BatchReport {
  readonly extracted: number
  readonly retried: number
  readonly dead: number
  readonly published: number
  /** False when a write failed: nothing of the batch was acknowledged, all of it stays pending. */
  readonly acked: boolean
}

type Extracted = Extract<JobOutcome, { _tag: "Extracted" }>

/**
 * A round trip refused because the command connection is reconnecting (nothing was sent) is tried again a few
 * times (0.1, 0.2, 0.4 s): otherwise a brief cut leaves the batch pending for XTR_CLAIM_IDLE (issue 5's fault
 * suite saw a cut while idle cost the next batches 6 s with a 3 s claim idle).
 */
const whileReconnecting = {
  schedule: Schedule.exponential("100 millis"),
  times: 3,
  while: (error: RedisError) => error.message.startsWith("Stream isn't writeable")
}

/** When a job entered its stream: the millisecond part of its id. */
const enqueuedAt = (id: string): number => parseId(id)?.ms ?? 0

export const makeProcessBatch = Effect.gen(function*() {
  const cfg = yield* WorkerConfig
  const store = yield* RedisStore
  const resolver = yield* FixtureResolver
  const runJob = makeRunJob(yield* Extractors, cfg.jobTimeout)
  const metrics = metricsFor(cfg.stream)
  const ttlSeconds = Math.ceil(Duration.toSeconds(cfg.entryTtl))
  const freshnessMs = { live: Duration.toMillis(cfg.freshness.live), upcoming: Duration.toMillis(cfg.freshness.upcoming) }
  const thresholds = { btts: cfg.matchMinBtts, other: cfg.matchMin }
  const storedReader = makeStoredReader()
  const entryTtl = makeEntryTtl(Duration.toMillis(cfg.entryTtl))

  /** A transient failure that has used up XTR_MAX_DELIVERIES becomes a dead letter; unknown counts keep it pending. */
  const settle = (outcome: JobOutcome): Effect.Effect<JobOutcome> =>
    outcome._tag !== "Retry" ? Effect.succeed(outcome) : store.pending({
      stream: cfg.stream,
      group: cfg.group,
      start: outcome.entry.id,
      end: outcome.entry.id,
      count: 1
    }).pipe(
      Effect.map((pending) => {
        const deliveries = pending[0]?.deliveries ?? 0
        return deliveries >= cfg.maxDeliveries
          ? dead(outcome.entry, `gave up after ${deliveries} deliveries: ${outcome.reason}`)
          : outcome
      }),
      Effect.catch((error) => Effect.logWarning("delivery count unavailable", { id: outcome.entry.id, error }).pipe(Effect.as(outcome)))
    )

  /** Every quote of the batch with its entry; one resolver call per data source. */
  const place = Effect.fnUntraced(function*(jobs: ReadonlyArray<Extracted>) {
    const items = jobs.flatMap((o) => o.quotes.map((quote) => ({ o, quote })))
    const sources = [...new Set(items.map((i) => i.quote.source))]
    const placed = yield* Effect.forEach(sources, (source: DataSource) => {
      const mine = items.filter((i) => i.quote.source === source)
      return resolver.resolve(source, mine.map((i) => ({ bookmaker: i.quote.bookmaker, listing: i.quote.listing }))).pipe(
        Effect.map((resolutions) =>
          mine.map(({ o, quote }, n): Placed => {
            const fixtureKey = resolutions[n]!.key
            return {
              entryKey: entryKey(source, quote.market, fixtureKey),
              fixtureKey,
              quote,
              job: o.job,
              jobId: jobIdOf(cfg.stream, o.entry.id),
              enqueuedAt: enqueuedAt(o.entry.id)
            }
          })
        )
      )
    })
    return placed.flat()
  })

  /**
   * Round trips 1 and 2; fails with RedisError when any write fails. Returns the number published and the
   * entries this batch created without an EXPIRE (it goes with the acknowledgement, see entryTtl.ts).
   */
  const write = Effect.fnUntraced(function*(placed: ReadonlyArray<Placed>, deadLetters: ReadonlyArray<Command>, now: number) {
    const writer = `${cfg.consumer}/${randomUUID()}`
    const entries = entryCommands(placed, writer, ttlSeconds, (key) => entryTtl.due(key, now))
    const commands = [...entries.commands, ...deadLetters]
    const late: Array<string> = []
    if (commands.length === 0) return { published: 0, late }
    const replies = yield* store.exec(commands)
    entryTtl.set(entries.writes.filter((w) => w.expires).map((w) => w.key), now)
    for (const w of entries.writes) {
      const reply = replies[w.at]
      if (!w.expires && reply?.op === "count" && reply.n === w.fields) late.push(w.key)
    }
    storedReader.remember(entries.written)
    const stored = new Map<string, ReadonlyArray<Observation>>()
    for (const [n, key] of entries.keys.entries()) {
      const reply = replies[entries.readsFrom + n]
      const { invalid, observations } = storedReader.read(key, reply?.op === "hgetall" ? reply.value : {})
      if (invalid.length > 0) yield* Effect.logWarning("undecodable stored quotes skipped", { key, fields: invalid })
      stored.set(key, observations)
    }

    const matches = fold({ batch: placed.map(placedObservation), stored, now, freshnessMs, thresholds })
    if (matches.length === 0) return { published: 0, late }
    // Latency is measured from the earliest job of this batch that contributed to the match.
    const enqueued = matches.map((m) =>
      Math.min(...placed.filter((p) => p.entryKey === m.entryKey && p.job.stream_date === m.streamDate).map((p) => p.enqueuedAt))
    )
    const cap = { maxLen: cfg.matchedMaxLen }
    const replies2 = yield* store.exec(matches.map((m, n) => publication(m, now, enqueued[n]!, cap, writer)))
    let published = 0
    for (const [n, reply] of replies2.entries()) {
      if (reply.op !== "publishOnce" || reply.id === null) continue // published by an earlier delivery, or left to a later writer
      published++
      yield* Metric.update(metrics.publishLatency, now - enqueued[n]!)
    }
    return { published, late }
  })

  return Effect.fnUntraced(function*(batch: ReadonlyArray<StreamEntry>): Effect.fn.Return<BatchReport> {
    const started = yield* Clock.currentTimeMillis
    const run = yield* Effect.forEach(batch, runJob, { concurrency: cfg.concurrency })
    const outcomes = run.some((o) => o._tag === "Retry") ? yield* Effect.forEach(run, settle, { concurrency: "unbounded" }) : run
    const extracted = outcomes.filter((o): o is Extracted => o._tag === "Extracted")
    const deadOnes = outcomes.filter((o) => o._tag === "Dead")
    const retried = outcomes.length - extracted.length - deadOnes.length
    yield* Metric.update(metrics.jobsFailed, retried)

    const now = yield* Clock.currentTimeMillis
    const deadCap = { maxLen: cfg.deadMaxLen }
    const deadLetters = deadOnes.map((o) => deadLetter(cfg.stream, o.entry, o.reason, now, deadCap))
    const ackIds = [...extracted, ...deadOnes].map((o) => o.entry.id)

    const failed = (stage: string) => (error: RedisError) =>
      Effect.logError(`batch not acknowledged: ${stage} failed; its jobs stay pending`, { error: clip(error.message) }).pipe(
        Effect.andThen(Metric.update(metrics.redisErrors, 1)),
        Effect.as(false)
      )
    // Publications that did happen are reported (and counted) even when the acknowledgement then fails:
    // the redelivery will find their signatures and not publish them again.
    const written = yield* place(extracted).pipe(
      Effect.flatMap((placed) => write(placed, deadLetters, now).pipe(Effect.retry(whileReconnecting))),
      Effect.catch((error) => Effect.as(failed("a write")(error), undefined))
    )
    const published = written?.published
    const late: ReadonlyArray<string> = written?.late ?? []
    const lateExpires: ReadonlyArray<Command> = late.map((key) => ({ op: "expire", key, seconds: ttlSeconds }))
    const ack = ackIds.length === 0
      ? Effect.succeed(true)
      : store.exec([...lateExpires, { op: "xack", stream: cfg.stream, group: cfg.group, ids: ackIds }]).pipe(
        Effect.retry(whileReconnecting),
        Effect.tap(() => Effect.sync(() => entryTtl.set(late, now))),
        Effect.as(true),
        Effect.catch(failed("the acknowledgement"))
      )
    const acked = published !== undefined && (yield* ack)
    const report: BatchReport = { extracted: extracted.length, retried, dead: deadOnes.length, published: published ?? 0, acked }
    yield* Metric.update(metrics.entriesMatched, report.published)
    if (acked) {
      yield* Metric.update(metrics.jobsDone, report.extracted)
      yield* Metric.update(metrics.jobsDeadLettered, report.dead)
    }
    yield* Metric.update(metrics.batchDuration, (yield* Clock.currentTimeMillis) - started)
    yield* Effect.logDebug("batch done", { size: batch.length, ...report })
    return report
  }, (effect, batch) =>
    // A bug (a defect in the resolver, say) leaves the batch pending rather than crash-looping the worker.
    Effect.catchDefect(effect, (defect) =>
      Effect.logError("batch failed on a defect; its jobs stay pending", { defect: clip(String(defect)) }).pipe(
        Effect.as<BatchReport>({ extracted: 0, retried: batch.length, dead: 0, published: 0, acked: false })
      )))
})
