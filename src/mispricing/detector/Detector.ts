// The detector: consumes the six matched streams through its own consumer group, re-prices every fixture a
// batch touches (its three markets' entries, all fixtures in one round trip), and publishes the lifecycle
// changes of its opportunities. Reliability as in the worker: acknowledge only once the writes succeeded (a
// round trip of its own, because Redis still takes XACK when it refuses writes), reclaim idle pending
// entries with XAUTOCLAIM, dead-letter poison messages and entries past the delivery limit, recreate the
// group on NOGROUP. Active opportunities live in memory and are mirrored in Redis, so a restart resumes.
import { Array as Arr, Clock, Context, Duration, Effect, Layer, Metric, PubSub, Result, Schema, Stream } from "effect"
import { dataSources, markets } from "../../domain/Market.ts"
import { clip, deadLetter } from "../../pipeline/outputs.ts"
import { readBackoff } from "../../pipeline/source.ts"
import { activeOpportunities, entryKey, matchedStream, opportunityKey } from "../../redis/keys.ts"
import { type Command, type RedisError, RedisStore, type Reply, type StreamEntry } from "../../redis/RedisStore.ts"
import { returnOf } from "../Opportunity.ts"
import { rejectionReasons } from "../priceFixture.ts"
import { DetectorConfig } from "./DetectorConfig.ts"
import { type Evaluation, evaluateFixture, type FixtureId, fixtureRef } from "./evaluate.ts"
import { enqueueToOpportunityMs } from "./latency.ts"
import type { LifecycleEvent } from "./lifecycle.ts"
import { decodeMatched } from "./MatchedMessage.ts"
import { changeCommands } from "./publication.ts"
import { type Tracked, TrackedJson } from "./record.ts"

const decodeTracked = Schema.decodeUnknownResult(TrackedJson)

export const matchedStreams: ReadonlyArray<string> = dataSources.flatMap((s) => markets.map((m) => matchedStream(s, m)))

/** One published lifecycle change, as the in-process event stream delivers it. */
export interface OpportunityEvent {
  readonly event: LifecycleEvent
  readonly opportunity: Tracked
  /** Its entry id in the `opportunities` stream. */
  readonly entryId: string
  /** Epoch ms of the publication. */
  readonly at: number
}

export interface BatchReport {
  /** Messages acknowledged after their writes (dead letters included). */
  readonly acked: number
  readonly deadLettered: number
  /** Events appended to the `opportunities` stream (duplicates suppressed are not counted). */
  readonly published: number
  /** Fixtures whose pricing failed: their messages stay pending for a retry. */
  readonly failed: number
}

const emptyReport: BatchReport = { acked: 0, deadLettered: 0, published: 0, failed: 0 }
const addReports = (a: BatchReport, b: BatchReport): BatchReport => ({
  acked: a.acked + b.acked,
  deadLettered: a.deadLettered + b.deadLettered,
  published: a.published + b.published,
  failed: a.failed + b.failed
})

const counter = (name: string, description: string) => Metric.counter(name, { description, incremental: true })
export const detectorMetrics = {
  messages: counter("detector_messages_total", "Matched messages acknowledged after their writes"),
  deadLettered: counter("detector_dead_lettered_total", "Matched messages moved to `<stream>:dead` and acknowledged"),
  events: counter("detector_events_total", "Opportunity events published, by `event` (new, updated, gone)"),
  rejections: counter("detector_rejections_total", "Would-be opportunities turned away by a sanity filter, by `reason`"),
  invalidQuotes: counter("detector_invalid_quotes_total", "Entry fields that did not decode as a bookmaker's quote"),
  groupsRecreated: counter("detector_groups_recreated_total", "Consumer groups recreated after NOGROUP"),
  redisErrors: counter("detector_redis_errors_total", "Failed Redis reads and writes (the work stays pending and is retried)")
}

interface Target {
  readonly fixture: FixtureId
  /** The messages that asked for it (none for a sweep). */
  readonly entries: ReadonlyArray<StreamEntry>
  /** Earliest enqueue time of the jobs behind those messages: latency is measured from it. */
  readonly enqueuedAt: number | undefined
}

interface Dead {
  readonly entry: StreamEntry
  readonly reason: string
}

const entryRef = (entry: StreamEntry) => `${entry.stream}/${entry.id}`
const hashOf = (reply: Reply | undefined) => (reply?.op === "hgetall" ? reply.value : {})

const acks = (entries: ReadonlyArray<StreamEntry>, group: string): ReadonlyArray<Command> =>
  Object.entries(Arr.groupBy(entries, (e) => e.stream)).map(([stream, es]) => ({ op: "xack", stream, group, ids: es.map((e) => e.id) }))

const make = Effect.gen(function*() {
  const cfg = yield* DetectorConfig
  const store = yield* RedisStore
  const pubsub = yield* Effect.acquireRelease(PubSub.sliding<OpportunityEvent>(4096), PubSub.shutdown)
  const limits = {
    opportunitiesMaxLen: cfg.opportunitiesMaxLen,
    recordTtlSeconds: Math.ceil(Duration.toSeconds(cfg.recordTtl))
  }
  const deadCap = { maxLen: cfg.deadMaxLen }
  /** Active opportunities by fixture reference. */
  const state = new Map<string, ReadonlyArray<Tracked>>()
  /** Why a pending message failed last (for its dead letter), by `<stream>/<id>`; cleared on acknowledgement. */
  const lastError = new Map<string, string>()

  const ensureGroups = Effect.forEach(matchedStreams, (stream) => store.ensureGroup(stream, cfg.group, "0"), {
    concurrency: "unbounded"
  })

  const recreateGroups = Effect.gen(function*() {
    const created = (yield* ensureGroups).filter((c) => c).length
    yield* Metric.update(detectorMetrics.groupsRecreated, created)
    yield* Effect.logWarning("consumer group missing (Redis restarted without persistence?): recreated", { group: cfg.group, created })
  })

  /** The mirrored active set, read back at start; members whose record is gone or unreadable are dropped. */
  const loadActive = Effect.gen(function*() {
    state.clear()
    const members = yield* store.zrangeDesc(activeOpportunities, Number.MAX_SAFE_INTEGER)
    if (members.length === 0) return
    const replies = yield* store.exec(members.map(([id]) => ({ op: "hgetall", key: opportunityKey(id) })))
    const orphans: Array<string> = []
    for (const [n, [id]] of members.entries()) {
      const record = Result.getOrUndefined(decodeTracked(hashOf(replies[n]).record))
      if (record === undefined) {
        orphans.push(id)
        continue
      }
      const ref = fixtureRef(record)
      state.set(ref, [...(state.get(ref) ?? []), record])
    }
    if (orphans.length > 0) yield* store.exec([{ op: "zrem", key: activeOpportunities, members: orphans }])
    yield* Effect.logInfo("active opportunities restored", { active: members.length - orphans.length, dropped: orphans.length })
  })

  /**
   * Loads, re-prices and publishes the targets, writes the dead letters, then acknowledges. Round trips:
   * (1) HGETALL of every target's entries; (2) the publications and dead letters; (3) XACK.
   */
  const settle = Effect.fnUntraced(function*(targets: ReadonlyArray<Target>, dead: ReadonlyArray<Dead>) {
    const now = yield* Clock.currentTimeMillis
    const loaded = targets.length === 0 ? [] : yield* store.exec(targets.flatMap((t) =>
      markets.map((m): Command => ({ op: "hgetall", key: entryKey(t.fixture.source, m, t.fixture.fixtureKey) }))
    ))
    // Pricing is pure, but a bug on some odd book must not stop the detector: that fixture's messages stay
    // pending and are dead-lettered once out of deliveries.
    const evaluations = yield* Effect.forEach(targets, (t, i) =>
      Effect.try({
        try: () =>
          evaluateFixture(
            t.fixture,
            markets.map((m, j) => [m, hashOf(loaded[i * markets.length + j])] as const),
            state.get(fixtureRef(t.fixture)) ?? [],
            cfg.pricing[t.fixture.source],
            now
          ),
        catch: (error) => clip(String(error))
      }).pipe(Effect.result))
    const priced: Array<{ readonly target: Target; readonly evaluation: Evaluation }> = []
    for (const [i, r] of evaluations.entries()) {
      const target = targets[i]!
      if (Result.isSuccess(r)) priced.push({ target, evaluation: r.success })
      else {
        yield* Effect.logError("pricing failed; the fixture's messages stay pending", { fixture: fixtureRef(target.fixture), error: r.failure })
        for (const e of target.entries) lastError.set(entryRef(e), `pricing failed: ${r.failure}`)
      }
    }

    const changes = priced.flatMap(({ evaluation, target }) => evaluation.diff.changes.map((change) => ({ change, target })))
    const commands = [
      ...changes.flatMap(({ change }) => changeCommands(change, now, limits)),
      ...dead.map((d) => deadLetter(d.entry.stream, d.entry, d.reason, now, deadCap))
    ]
    const replies = commands.length === 0 ? [] : yield* store.exec(commands)
    const publishedAt = yield* Clock.currentTimeMillis

    // The writes are in Redis: the in-memory state follows them before anything else can fail.
    for (const { evaluation, target } of priced) {
      const ref = fixtureRef(target.fixture)
      if (evaluation.diff.active.length === 0) state.delete(ref)
      else state.set(ref, evaluation.diff.active)
    }
    const published: Array<OpportunityEvent> = []
    for (const [k, { change, target }] of changes.entries()) {
      const reply = replies[k * 3] // changeCommands: publishOnce, expire, zadd/zrem
      if (reply?.op !== "publishOnce" || reply.id === null) continue // published by an earlier delivery
      published.push({ event: change.event, opportunity: change.opportunity, entryId: reply.id, at: publishedAt })
      yield* Metric.update(Metric.withAttributes(detectorMetrics.events, { event: change.event }), 1)
      if (change.event !== "gone" && target.enqueuedAt !== undefined) {
        yield* Metric.update(enqueueToOpportunityMs, Math.max(0, publishedAt - target.enqueuedAt))
      }
    }
    if (published.length > 0) yield* PubSub.publishAll(pubsub, published)
    for (const { evaluation } of priced) {
      for (const reason of rejectionReasons) {
        const n = evaluation.rejections[reason]
        if (n > 0) yield* Metric.update(Metric.withAttributes(detectorMetrics.rejections, { reason }), n)
      }
      if (evaluation.invalid > 0) yield* Metric.update(detectorMetrics.invalidQuotes, evaluation.invalid)
    }

    const done = [...dead.map((d) => d.entry), ...priced.flatMap(({ target }) => target.entries)]
    if (done.length > 0) yield* store.exec(acks(done, cfg.group))
    for (const e of done) lastError.delete(entryRef(e))
    yield* Metric.update(detectorMetrics.messages, done.length)
    yield* Metric.update(detectorMetrics.deadLettered, dead.length)
    for (const d of dead) yield* Effect.logWarning("matched message dead-lettered", { stream: d.entry.stream, id: d.entry.id, reason: d.reason })
    return {
      acked: done.length,
      deadLettered: dead.length,
      published: published.length,
      failed: targets.length - priced.length
    } satisfies BatchReport
  })

  /** A batch of matched messages: poison ones and those past the delivery limit are dead-lettered, the rest grouped by fixture. */
  const handle = Effect.fnUntraced(function*(entries: ReadonlyArray<StreamEntry>, deliveries: ReadonlyMap<string, number>) {
    if (entries.length === 0) return emptyReport
    const dead: Array<Dead> = []
    const targets = new Map<string, { fixture: FixtureId; entries: Array<StreamEntry>; enqueuedAt: number | undefined }>()
    for (const entry of entries) {
      const n = deliveries.get(entry.id) ?? 1
      if (n > cfg.maxDeliveries) {
        const last = lastError.get(entryRef(entry))
        dead.push({ entry, reason: `gave up after ${n - 1} deliveries${last === undefined ? "" : `: ${last}`}` })
        continue
      }
      const decoded = decodeMatched(entry.fields)
      if (Result.isFailure(decoded)) {
        dead.push({ entry, reason: decoded.failure })
        continue
      }
      const m = decoded.success
      const ref = fixtureRef(m)
      const target = targets.get(ref) ?? { fixture: { source: m.source, fixtureKey: m.fixtureKey }, entries: [], enqueuedAt: undefined }
      target.entries.push(entry)
      if (m.enqueuedAt !== undefined) target.enqueuedAt = Math.min(target.enqueuedAt ?? m.enqueuedAt, m.enqueuedAt)
      targets.set(ref, target)
    }
    return yield* settle([...targets.values()], dead).pipe(
      Effect.tapError((error) =>
        Effect.sync(() => {
          for (const e of entries) lastError.set(entryRef(e), `${error.op}: ${error.message}`)
        })
      )
    )
  })

  /** Delivery counts of entries this consumer holds (raised by the re-read or claim that returned them). */
  const deliveriesOf = (entries: ReadonlyArray<StreamEntry>) =>
    Effect.forEach(Object.entries(Arr.groupBy(entries, (e) => e.stream)), ([stream, own]) =>
      store.pending({
        stream,
        group: cfg.group,
        start: own[0]!.id,
        end: own.at(-1)!.id,
        count: cfg.batch * 10,
        consumer: cfg.consumer
      }).pipe(Effect.catchTag("NoGroup", () => Effect.succeed([])))).pipe( // group gone: counts unknown
        Effect.map((lists) => new Map(lists.flat().map((p) => [p.id, p.deliveries])))
      )

  /**
   * After a failed read or batch, this consumer's own pending entries are read again (`XREADGROUP … 0`) before
   * any new one: a read whose reply was lost, or a batch whose writes failed, is retried at once rather than
   * after DETECT_CLAIM_IDLE.
   */
  let rereadOwn = false

  const poll: Effect.Effect<BatchReport, RedisError> = Effect.suspend(() => {
    const own = rereadOwn
    return store.readGroup({
      group: cfg.group,
      consumer: cfg.consumer,
      streams: matchedStreams.map((stream) => ({ stream, id: own ? "0" : ">" })),
      count: cfg.batch,
      blockMs: own ? 0 : Duration.toMillis(cfg.block)
    }).pipe(
      Effect.catchTag("NoGroup", () => recreateGroups.pipe(Effect.as([]))),
      // A batch once read is finished (written and acknowledged) even when the detector is being stopped.
      Effect.flatMap((entries) =>
        Effect.uninterruptible(
          own && entries.length > 0
            ? Effect.flatMap(deliveriesOf(entries), (deliveries) => handle(entries, deliveries))
            : handle(entries, new Map())
        )
      ),
      Effect.tap(() => Effect.sync(() => (rereadOwn = false))),
      Effect.tapError(() => Effect.sync(() => (rereadOwn = true)))
    )
  })

  /** Entries idle for DETECT_CLAIM_IDLE (another consumer's, or this one's that failed) taken over and retried. */
  const reclaimStream = Effect.fnUntraced(function*(stream: string) {
    let report = emptyReport
    let start = "0-0"
    do {
      const claimed = yield* store.autoClaim({
        stream,
        group: cfg.group,
        consumer: cfg.consumer,
        minIdleMs: Duration.toMillis(cfg.claimIdle),
        start,
        count: cfg.batch
      })
      if (claimed.entries.length > 0) {
        const deliveries = yield* deliveriesOf(claimed.entries)
        report = addReports(report, yield* Effect.uninterruptible(handle(claimed.entries, deliveries)))
      }
      start = claimed.next
    } while (start !== "0-0")
    return report
  })

  const reclaim: Effect.Effect<BatchReport, RedisError> = Effect.forEach(matchedStreams, (stream) =>
    reclaimStream(stream).pipe(Effect.catchTag("NoGroup", () => recreateGroups.pipe(Effect.as(emptyReport))))).pipe(
      Effect.map((reports) => reports.reduce(addReports, emptyReport))
    )

  /** Re-prices every fixture with an active opportunity: one whose quotes went stale is reported gone without new messages. */
  const sweep: Effect.Effect<BatchReport, RedisError> = Effect.suspend(() => {
    const targets: ReadonlyArray<Target> = [...state.values()].map((active) => ({
      fixture: { source: active[0]!.source, fixtureKey: active[0]!.fixtureKey },
      entries: [],
      enqueuedAt: undefined
    }))
    return Effect.forEach(Arr.chunksOf(targets, cfg.batch), (chunk) => Effect.uninterruptible(settle(chunk, []))).pipe(
      Effect.map((reports) => reports.reduce(addReports, emptyReport))
    )
  })

  const logged = (what: string) => (effect: Effect.Effect<BatchReport, RedisError>) =>
    effect.pipe(
      Effect.catch((error) =>
        Effect.logError(`${what} failed; its messages stay pending`, { op: error.op, error: error.message }).pipe(
          Effect.andThen(Metric.update(detectorMetrics.redisErrors, 1)),
          Effect.andThen(Effect.sleep("1 second")), // Redis is down: do not spin
          Effect.as(emptyReport)
        )
      )
    )

  const run: Effect.Effect<never> = Effect.gen(function*() {
    yield* Effect.logInfo("detector started", { group: cfg.group, consumer: cfg.consumer, streams: matchedStreams.length })
    // Both at once: a predecessor's pending messages may be waiting, restored opportunities may be stale.
    let nextReclaim = 0
    let nextSweep = 0
    while (true) {
      yield* logged("read")(poll)
      const now = yield* Clock.currentTimeMillis
      if (now >= nextReclaim) {
        yield* logged("reclaim")(reclaim)
        nextReclaim = now + Duration.toMillis(cfg.claimIdle)
      }
      if (now >= nextSweep) {
        yield* logged("sweep")(sweep)
        nextSweep = now + Duration.toMillis(cfg.sweepEvery)
      }
    }
  })

  // Redis may not be up yet (or restarting): wait for it rather than exit and crash-loop.
  yield* Effect.andThen(ensureGroups, loadActive).pipe(
    Effect.tapError((error) => Effect.logWarning("cannot start on Redis yet; retrying", { op: error.op, error: error.message })),
    Effect.retry(readBackoff)
  )
  return {
    poll,
    reclaim,
    sweep,
    run,
    events: Stream.fromPubSub(pubsub),
    active: Effect.sync(() => [...state.values()].flat().sort((a, b) => returnOf(b.opportunity) - returnOf(a.opportunity)))
  }
})

export class Detector extends Context.Service<Detector, {
  /** One blocking read of the six matched streams (up to DETECT_BATCH messages) and its batch. */
  readonly poll: Effect.Effect<BatchReport, RedisError>
  /** Takes over entries idle for DETECT_CLAIM_IDLE, retrying them or dead-lettering those past DETECT_MAX_DELIVERIES. */
  readonly reclaim: Effect.Effect<BatchReport, RedisError>
  /** Re-prices every fixture that has an active opportunity, so a stale one is reported gone. */
  readonly sweep: Effect.Effect<BatchReport, RedisError>
  /** poll, reclaim and sweep on their cadences until interrupted; Redis failures are logged and retried. */
  readonly run: Effect.Effect<never>
  /** Every event published from now on (for the terminal view); a subscriber that falls 4096 behind loses the oldest. */
  readonly events: Stream.Stream<OpportunityEvent>
  /** The active opportunities, highest return first. */
  readonly active: Effect.Effect<ReadonlyArray<Tracked>>
}>()("bookies/Detector") {
  /** Creates the groups and restores the active set from Redis when built. */
  static readonly layer = Layer.effect(Detector, make)
}
