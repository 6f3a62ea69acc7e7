// Running the worker's batch stream in a test and looking at what it left in the store.
import { Deferred, Effect, Fiber, Layer, Metric, Stream } from "effect"
import type { ExtractorMap } from "../../src/bookmakers/Extractors.ts"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import type { CommitReport } from "../../src/pipeline/commit.ts"
import { batches } from "../../src/pipeline/Worker.ts"
import { deadLetterStream } from "../../src/redis/keys.ts"
import { layerMemory } from "../../src/redis/memory.ts"
import { type Command, type Fields, RedisError, RedisStore } from "../../src/redis/RedisStore.ts"
import { WorkerConfig } from "../../src/config/WorkerConfig.ts"
import { configLayer, eventually, resolverLayer, stream, type Waiting } from "./support.ts"

export const group = "bookies-workers"

/** Config from `env`, the in-memory store (or `store`), the test resolver and `map`'s extractors. */
export const workerLayer = (
  map: ExtractorMap,
  env: Readonly<Record<string, string>> = {},
  store: Layer.Layer<RedisStore> = layerMemory
) => Layer.mergeAll(configLayer(env), store, resolverLayer, Extractors.fromMap(map))

/** Starts the batch stream; `reports` fills as batches finish. */
export const startWorker = (waiting: Waiting = {}) => Effect.gen(function*() {
  const stop = yield* Deferred.make<void>()
  const reports: Array<CommitReport> = []
  const fiber = yield* batches(stop).pipe(
    Stream.runForEach((r) => Effect.sync(() => reports.push(r))),
    Effect.forkChild
  )
  // Stopping waits for the read in flight (up to XTR_BLOCK of test time), so the clock is moved meanwhile.
  const halt = Deferred.succeed(stop, undefined).pipe(
    Effect.andThen(eventually(Effect.sync(() => fiber.pollUnsafe() !== undefined), { ...waiting, what: "worker stop" })),
    Effect.andThen(Fiber.join(fiber))
  )
  return { reports, stop: halt }
})

export const addJobs = (jobs: ReadonlyArray<Fields>) =>
  Effect.gen(function*() {
    const { stream } = yield* WorkerConfig
    const store = yield* RedisStore
    return yield* Effect.forEach(jobs, (fields) => store.add(stream, fields))
  })

/** The group's pending list (empty before the group exists). */
const pending = Effect.gen(function*() {
  const { group, stream } = yield* WorkerConfig
  const store = yield* RedisStore
  return yield* store.pending({ stream, group, count: 1000 }).pipe(Effect.catchTag("NoGroup", () => Effect.succeed([])))
})

export const pendingIds = Effect.map(pending, (p) => p.map((e) => e.id))
export const pendingDeliveries = Effect.map(pending, (p) => p.map((e) => e.deliveries))

export const streamFields = (key: string) =>
  RedisStore.use((store) => store.range(key, "-", "+", 1000).pipe(Effect.map((es) => es.map((e) => e.fields))))

export const deadLetters = WorkerConfig.use(({ stream }) => streamFields(deadLetterStream(stream)))
export const matched = streamFields("upcoming_btts-matched_stream")

export const hash = (key: string) =>
  RedisStore.use((store) =>
    store.exec([{ op: "hgetall", key }]).pipe(Effect.map(([r]) => (r?.op === "hgetall" ? r.value : {}))))

/** `store`, except that `exec` fails (as under `maxmemory`) whenever `failing(commands)` says so. */
export const failingExec = (store: RedisStore["Service"], failing: (commands: ReadonlyArray<Command>) => boolean) =>
  RedisStore.of({
    ...store,
    exec: (commands, options) =>
      failing(commands)
        ? Effect.fail(new RedisError({ op: "exec", message: "OOM command not allowed when used memory > 'maxmemory'" }))
        : store.exec(commands, options)
  })

/** The value of a counter's series for the test stream. */
export const count = (counter: Metric.Counter<number>) =>
  Metric.value(Metric.withAttributes(counter, { stream })).pipe(Effect.map((s) => s.count))

/** The sizes of the batches committed so far, in commit order. */
export const batchSizes = (reports: ReadonlyArray<CommitReport>) => reports.flatMap((r) => r.batches)
