// The extraction worker: job source → batches of up to XTR_BATCH (waiting up to XTR_WINDOW to fill; by default
// a batch takes what was read and does not wait) → extraction, up to XTR_INFLIGHT batches at once → commits,
// one at a time, each of every batch extracted while the previous one ran → acknowledgements. The source
// holds at most XTR_BATCH × XTR_INFLIGHT jobs until they are acknowledged (or left pending). The job-stream
// trimmer runs alongside. `run` stops gracefully: on interruption
// (SIGTERM/SIGINT under runMain) it stops reading, lets the batches in flight finish and be acknowledged, and
// gives up after XTR_GRACE.
import { Deferred, Effect, Fiber, Stream } from "effect"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import { RedisStore } from "../redis/RedisStore.ts"
import { clip } from "./outputs.ts"
import { makeCommit } from "./commit.ts"
import { type Extraction, makeExtract } from "./extract.ts"
import { makeJobSource, readBackoff } from "./source.ts"
import { makeTrimmer } from "./trim.ts"

/** The commits' reports, until `stop` completes (then the entries already read are still processed). */
export const batches = (stop: Deferred.Deferred<void>) =>
  Stream.unwrap(Effect.gen(function*() {
    const cfg = yield* WorkerConfig
    const source = yield* makeJobSource(Deferred.await(stop))
    const extract = yield* makeExtract
    const commit = yield* makeCommit
    yield* Effect.forkScoped((yield* makeTrimmer).loop)
    const release = (extractions: ReadonlyArray<Extraction>) =>
      Effect.forEach(extractions, (x) => source.release(x.entries), { discard: true })
    return source.polls.pipe(
      Stream.haltWhen(Deferred.await(stop)),
      Stream.flattenIterable,
      Stream.groupedWithin(cfg.batchSize, cfg.window),
      Stream.mapEffect(extract, {
        concurrency: cfg.inflight,
        unordered: true
      }),
      Stream.buffer({ capacity: cfg.inflight }),
      Stream.chunks,
      // The acknowledgement (XACK) of one commit runs while the next commit writes.
      Stream.mapEffect((extractions) => Effect.map(commit(extractions), (acknowledge) => ({ extractions, acknowledge }))),
      Stream.buffer({ capacity: 1 }),
      Stream.mapEffect(({ acknowledge, extractions }) => acknowledge.pipe(Effect.ensuring(release(extractions))))
    )
  }))

/** Creates the group (and stream) if missing, retrying while Redis is unreachable. */
const ensureGroup = Effect.gen(function*() {
  const { group, stream } = yield* WorkerConfig
  const store = yield* RedisStore
  const created = yield* store.ensureGroup(stream, group, "0").pipe(
    Effect.tapError((error) => Effect.logWarning("cannot create the consumer group yet; retrying", { error: clip(error.message) })),
    Effect.retry(readBackoff)
  )
  if (created) yield* Effect.logInfo("consumer group created", { stream, group })
})

export const run = Effect.gen(function*() {
  const cfg = yield* WorkerConfig
  yield* Effect.logInfo("worker starting", {
    stream: cfg.stream,
    group: cfg.group,
    consumer: cfg.consumer,
    batch: cfg.batchSize,
    inflight: cfg.inflight,
    concurrency: cfg.concurrency
  })
  yield* ensureGroup
  const stop = yield* Deferred.make<void>()
  yield* Effect.acquireUseRelease(
    Effect.forkDetach(Stream.runDrain(batches(stop))),
    Fiber.join,
    (fiber) =>
      Effect.gen(function*() {
        yield* Deferred.succeed(stop, undefined)
        // Runs uninterruptibly (a release): a second signal cannot cut the grace time short, XTR_GRACE bounds it.
        const finished = yield* Fiber.await(fiber).pipe(Effect.timeoutOption(cfg.grace))
        if (finished._tag === "None") yield* Effect.logWarning("grace time over: the batches in flight stay pending")
        yield* Fiber.interrupt(fiber)
        yield* Effect.logInfo("worker stopped")
      })
  )
})
