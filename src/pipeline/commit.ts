// The commit stage: the batches extracted while the previous commit ran, written to Redis together, folded,
// published, then acknowledged. Merging them costs no latency (a commit never waits for more batches) and,
// under load, shares the round trips and each entry's write, read-back and publication among many jobs.
// Round trips: (1) HSET (+ EXPIRE when due, see entryTtl.ts) of every entry touched + HMGET of their marks (see
// entryHash.ts), and the dead letters; (2) the publications; (3) XACK, after the EXPIRE of entries (1) created
// without one, returned as an effect of its own so that it runs while the next commit writes. The XACK has
// its own round trip, sent only once the writes have succeeded: pipelined commands run independently, and
// under `maxmemory noeviction` Redis refuses writes but still accepts XACK (issue 5). (One MULTI/EXEC for (2)
// and (3) would not do: a publish-once script that fails inside EXEC — NOSCRIPT after a script flush, or out
// of memory when memory ran out between queueing and EXEC — does not stop the XACK.)
import { randomUUID } from "node:crypto"
import { Clock, Duration, Effect, Metric, Schedule } from "effect"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import type { DataSource } from "../domain/Market.ts"
import { FixtureResolver } from "../matching/FixtureResolver.ts"
import { fold, type Observation } from "../matching/fold.ts"
import { entryKey } from "../redis/keys.ts"
import { type Command, type RedisError, RedisStore } from "../redis/RedisStore.ts"
import { parseId } from "../redis/streamId.ts"
import { entryCommands, jobIdOf, makeStoredReader, type Placed, placedObservation } from "./entryHash.ts"
import { makeEntryTtl } from "./entryTtl.ts"
import type { Extraction } from "./extract.ts"
import type { JobOutcome } from "./JobOutcome.ts"
import { metricsFor } from "./metrics.ts"
import { clip, deadLetter, publication } from "./outputs.ts"

export interface CommitReport {
  /** Sizes of the batches committed together. */
  readonly batches: ReadonlyArray<number>
  readonly extracted: number
  readonly retried: number
  readonly dead: number
  readonly published: number
  /** False when a write failed: nothing of the commit was acknowledged, all of it stays pending. */
  readonly acked: boolean
}

type Extracted = Extract<JobOutcome, { _tag: "Extracted" }>
type Dead = Extract<JobOutcome, { _tag: "Dead" }>

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

/** The sizes of the batches a commit takes, and their jobs in all. */
const sizesOf = (extractions: ReadonlyArray<Extraction>) => {
  const batches = extractions.map((x) => x.entries.length)
  return { batches, jobs: batches.reduce((a, b) => a + b, 0) }
}

export const makeCommit = Effect.gen(function*() {
  const cfg = yield* WorkerConfig
  const store = yield* RedisStore
  const resolver = yield* FixtureResolver
  const metrics = metricsFor(cfg.stream)
  const ttlSeconds = Math.ceil(Duration.toSeconds(cfg.entryTtl))
  const freshnessMs = { live: Duration.toMillis(cfg.freshness.live), upcoming: Duration.toMillis(cfg.freshness.upcoming) }
  const thresholds = { btts: cfg.matchMinBtts, other: cfg.matchMin }
  const storedReader = makeStoredReader()
  const entryTtl = makeEntryTtl(Duration.toMillis(cfg.entryTtl))

  /** Every quote of the commit with its entry; one resolver call per data source. */
  const place = Effect.fnUntraced(function*(jobs: ReadonlyArray<Extracted>) {
    const items = jobs.flatMap((o) => {
      const from = { job: o.job, jobId: jobIdOf(cfg.stream, o.entry.id), enqueuedAt: enqueuedAt(o.entry.id) }
      return o.quotes.map((quote) => ({ from, quote }))
    })
    const sources = [...new Set(items.map((i) => i.quote.source))]
    const placed = yield* Effect.forEach(sources, (source: DataSource) => {
      const mine = items.filter((i) => i.quote.source === source)
      return resolver.resolve(source, mine.map((i) => ({ bookmaker: i.quote.bookmaker, listing: i.quote.listing }))).pipe(
        Effect.map((resolutions) =>
          mine.map(({ from, quote }, n): Placed => {
            const fixtureKey = resolutions[n]!.key
            return {
              entryKey: entryKey(source, quote.market, fixtureKey),
              fixtureKey,
              quote,
              ...from
            }
          })
        )
      )
    })
    return placed.flat()
  })

  /**
   * Round trips 1 and 2; fails with RedisError when any write fails. Returns the number published and the
   * entries this commit created without an EXPIRE (it goes with the acknowledgement, see entryTtl.ts).
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
    for (const [n, entry] of entries.reads.entries()) {
      const reply = replies[entries.readsFrom + n]
      const { invalid, observations } = storedReader.read(entry, reply?.op === "hmget" ? reply.values : [])
      if (invalid.length > 0) yield* Effect.logWarning("undecodable stored marks skipped", { key: entry.key, fields: invalid })
      stored.set(entry.key, observations)
    }

    const matches = fold({ batch: placed.map(placedObservation), stored, now, freshnessMs, thresholds })
    if (matches.length === 0) return { published: 0, late }
    // Latency is measured from the earliest job of this commit that contributed to the match.
    const earliest = new Map<string, number>()
    for (const p of placed) {
      const key = `${p.entryKey}\n${p.job.stream_date}`
      earliest.set(key, Math.min(earliest.get(key) ?? Infinity, p.enqueuedAt))
    }
    const enqueued = matches.map((m) => earliest.get(`${m.entryKey}\n${m.streamDate}`)!)
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

  /**
   * Round trips 1 and 2 (write, read back, fold, publish). Returns the acknowledgement (round trip 3) as an
   * effect of its own, so that the next commit can write while this one's XACK is in flight.
   */
  return Effect.fnUntraced(function*(extractions: ReadonlyArray<Extraction>): Effect.fn.Return<Effect.Effect<CommitReport>> {
    const started = yield* Clock.currentTimeMillis
    const outcomes = extractions.flatMap((x) => x.outcomes)
    const extracted = outcomes.filter((o): o is Extracted => o._tag === "Extracted")
    const deadOnes = outcomes.filter((o): o is Dead => o._tag === "Dead")
    const { batches, jobs } = sizesOf(extractions)
    const retried = jobs - extracted.length - deadOnes.length
    yield* Metric.update(metrics.jobsFailed, retried)

    const now = yield* Clock.currentTimeMillis
    const deadCap = { maxLen: cfg.deadMaxLen }
    const deadLetters = deadOnes.map((o) => deadLetter(cfg.stream, o.entry, o.reason, now, deadCap))
    const ackIds = [...extracted, ...deadOnes].map((o) => o.entry.id)

    const failed = (stage: string) => (error: RedisError) =>
      Effect.logError(`jobs not acknowledged: ${stage} failed; they stay pending`, { error: clip(error.message) }).pipe(
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
    return Effect.gen(function*() {
      const acked = published !== undefined && (yield* ack)
      const report: CommitReport = { batches, extracted: extracted.length, retried, dead: deadOnes.length, published: published ?? 0, acked }
      yield* Metric.update(metrics.entriesMatched, report.published)
      if (acked) {
        yield* Metric.update(metrics.jobsDone, report.extracted)
        yield* Metric.update(metrics.jobsDeadLettered, report.dead)
      }
      yield* Metric.update(metrics.commitDuration, (yield* Clock.currentTimeMillis) - started)
      yield* Effect.logDebug("commit done", report)
      return report
    })
  }, (effect, extractions) =>
    // A bug (a defect in the resolver, say) leaves the jobs pending rather than crash-looping the worker.
    Effect.catchDefect(effect, (defect) =>
      Effect.logError("commit failed on a defect; its jobs stay pending", { defect: clip(String(defect)) }).pipe(
        Effect.as(Effect.sync((): CommitReport => {
          const { batches, jobs } = sizesOf(extractions)
          return { batches, extracted: 0, retried: jobs, dead: 0, published: 0, acked: false }
        }))
      )))
})
