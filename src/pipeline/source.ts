// The job source: a Stream of job-stream entries for this consumer. Each pull does one of, in this order:
// re-read this consumer's own pending entries (`XREADGROUP … 0`, at start and after a failed read whose reply
// may have been lost), take over entries idle ≥ XTR_CLAIM_IDLE (`XAUTOCLAIM`, one sweep every XTR_CLAIM_IDLE,
// this consumer's failed jobs included), or read new entries (`XREADGROUP … >` with BLOCK). Entries still in
// flight in this process are never emitted twice. NOGROUP recreates the group; other Redis errors back off.
// Reads ahead, but only into free room: the process holds at most XTR_BATCH × XTR_INFLIGHT entries (read and
// not yet released), and reads once a batch's worth of room is free, as much as there is room for. So one
// read feeds several batches, and no entry waits behind more than the batches in flight (XTR_CLAIM_IDLE).
import { Clock, Duration, Effect, Latch, Metric, Schedule, Stream } from "effect"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import { type RedisError, RedisStore, type StreamEntry } from "../redis/RedisStore.ts"
import { clip } from "./outputs.ts"
import { metricsFor } from "./metrics.ts"

/** Capped exponential backoff between failed reads: 50 ms, 100 ms, … up to 2 s, reset by a successful read. */
export const readBackoff = Schedule.min([Schedule.exponential("50 millis"), Schedule.spaced("2 seconds")])

export interface JobSource {
  /**
   * One element per read, empty when the read found nothing, so that `Stream.haltWhen` downstream gets a
   * chance to stop between reads (flattened, an idle stream would never yield to it). Retries failed reads
   * forever, so in practice it never fails.
   */
  readonly polls: Stream.Stream<ReadonlyArray<StreamEntry>, RedisError>
  /** Called when a batch is over (acknowledged or left pending): its entries may be delivered again. */
  readonly release: (entries: ReadonlyArray<StreamEntry>) => Effect.Effect<void>
}

/** `stopping` ends a wait for room or a read in flight (the worker is stopping): the pull then returns nothing. */
export const makeJobSource = (stopping: Effect.Effect<void>) => Effect.gen(function*() {
  const cfg = yield* WorkerConfig
  const store = yield* RedisStore
  const metrics = metricsFor(cfg.stream)
  const { batchSize, consumer, group, stream } = cfg
  const capacity = batchSize * cfg.inflight
  const blockMs = Duration.toMillis(cfg.block)
  const claimIdleMs = Duration.toMillis(cfg.claimIdle)

  const inFlight = new Set<string>()
  let ownCursor: string | undefined = "0" // undefined: own pending entries all re-read
  let claimCursor = "0-0"
  let nextSweepAt = 0
  const room = () => capacity - inFlight.size
  const roomForABatch = Latch.makeUnsafe(true)
  /** True once a batch's worth of room is free; false when the worker stops first. */
  const awaitRoom = Effect.suspend(() => {
    if (room() >= batchSize) return Effect.succeed(true)
    roomForABatch.closeUnsafe()
    return Effect.raceFirst(Effect.as(roomForABatch.await, true), Effect.as(stopping, false))
  })

  const readOwn = Effect.fnUntraced(function*(from: string, count: number) {
    const entries = yield* store.readGroup({ group, consumer, streams: [{ stream, id: from }], count, blockMs: 0 })
    ownCursor = entries.length < count ? undefined : entries[entries.length - 1]!.id
    return entries
  })

  const sweep = Effect.fnUntraced(function*(now: number, count: number) {
    const claimed = yield* store.autoClaim({ stream, group, consumer, minIdleMs: claimIdleMs, start: claimCursor, count })
    claimCursor = claimed.next
    if (claimed.next === "0-0") nextSweepAt = now + claimIdleMs
    if (claimed.deleted.length > 0) {
      yield* Effect.logWarning("pending jobs were deleted from the stream before being processed", { ids: claimed.deleted })
    }
    if (claimed.entries.length > 0) yield* Effect.logInfo("reclaimed idle jobs", { count: claimed.entries.length })
    return claimed.entries
  })

  const readNew = (count: number) => store.readGroup({ group, consumer, streams: [{ stream, id: ">" }], count, blockMs })

  const recreateGroup = store.ensureGroup(stream, group, "0").pipe(
    Effect.tap(() => Metric.update(metrics.groupsRecreated, 1)),
    Effect.tap(() => Effect.logWarning("consumer group was missing (NOGROUP): recreated", { stream, group })),
    Effect.as<ReadonlyArray<StreamEntry>>([])
  )

  const read = Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const count = room()
    if (ownCursor !== undefined) return yield* readOwn(ownCursor, count)
    if (now >= nextSweepAt) return yield* sweep(now, count)
    return yield* readNew(count)
  }).pipe(
    Effect.catchTag("NoGroup", () => recreateGroup),
    Effect.tapError((error) =>
      Effect.logWarning("job read failed; backing off", { error: clip(error.message) }).pipe(
        Effect.andThen(Metric.update(metrics.redisErrors, 1)),
        // A read whose reply was lost may have delivered entries to this consumer: read them again.
        Effect.andThen(Effect.sync(() => void (ownCursor = "0")))
      )
    ),
    Effect.retry(readBackoff),
    Effect.map((entries) => {
      const fresh = entries.filter((e) => !inFlight.has(e.id))
      for (const e of fresh) inFlight.add(e.id)
      return fresh
    })
  )
  const none: ReadonlyArray<StreamEntry> = []
  // Stopping also cuts a read in flight: a BLOCK still waiting, or retries while Redis is down, would otherwise
  // hold the stop for up to XTR_BLOCK, or for the whole XTR_GRACE. Entries a cut read was delivered stay
  // pending and are reclaimed after XTR_CLAIM_IDLE.
  const pull = Effect.flatMap(awaitRoom, (ready) => (ready ? Effect.raceFirst(read, Effect.as(stopping, none)) : Effect.succeed(none)))

  return {
    polls: Stream.fromEffectRepeat(pull),
    release: (entries) =>
      Effect.sync(() => {
        for (const e of entries) inFlight.delete(e.id)
        if (room() >= batchSize) roomForABatch.openUnsafe()
      })
  } satisfies JobSource
})
