// The scheduler's I/O: per source, a round on its cadence. Each round sizes every job stream's backlog,
// skips the streams the workers have not caught up with, and adds the rest as the workers get through
// them (SCHED_INFLIGHT at a time per stream), not in one burst, so no job waits in its stream behind the
// rest of its round.
import { Clock, Duration, Effect, Metric, Schedule } from "effect"
import type { DataSource } from "../domain/Market.ts"
import { type Command, type Fields, type PendingEntry, RedisStore } from "../redis/RedisStore.ts"
import { type Backlog, backlogOf, cadences, overLimit, planRound, roomFor, stamped } from "./plan.ts"
import { SchedulerConfig } from "./SchedulerConfig.ts"

export const jobsEnqueued = Metric.counter("scheduler_jobs_enqueued_total", { description: "jobs added to job streams" })
export const roundsSkipped = Metric.counter("scheduler_rounds_skipped_total", {
  description: "stream rounds skipped because the stream's backlog was above SCHED_MAX_BACKLOG"
})
export const jobsDropped = Metric.counter("scheduler_jobs_dropped_total", {
  description: "jobs of a round not added before the next round was due: the workers had not got through the ones before"
})

export interface StreamCount {
  readonly stream: string
  readonly jobs: number
}

export interface RoundResult {
  /** Jobs added, per stream admitted. */
  readonly enqueued: ReadonlyArray<StreamCount>
  /** Jobs of an admitted stream not added before the source's next round was due (that round plans them again). */
  readonly dropped: ReadonlyArray<StreamCount>
  readonly skipped: ReadonlyArray<{ readonly stream: string; readonly pending: number; readonly undelivered: number }>
}

/** A stream's backlog in the workers' group: XINFO GROUPS and XLEN together, one round trip. */
const backlogOfStream = Effect.fnUntraced(function*(stream: string) {
  const { group } = yield* SchedulerConfig
  const store = yield* RedisStore
  const [groups, length] = yield* Effect.all([store.groups(stream), store.streamLength(stream)], { concurrency: "unbounded" })
  return backlogOf(groups, group, length)
})

/** This round's jobs on `stream` delivered and not acknowledged yet (XPENDING from the round's first id). */
const pendingSince = Effect.fnUntraced(function*(stream: string, first: string | undefined, count: number) {
  const { group } = yield* SchedulerConfig
  const store = yield* RedisStore
  if (first === undefined) return []
  return yield* store.pending({ stream, group, start: first, end: "+", count }).pipe(
    Effect.catchTag("NoGroup", () => Effect.succeed([])) // no worker has created the group yet: nothing delivered
  )
})

/**
 * Adds a stream's jobs as the workers get through them (`roomFor`), looking again every SCHED_PACE, until
 * all are in or `deadline` (epoch ms) comes; the number added. Each job is stamped when it is added.
 */
const feed = Effect.fnUntraced(function*(stream: string, jobs: ReadonlyArray<Fields>, initial: Backlog, deadline: number) {
  const cfg = yield* SchedulerConfig
  const store = yield* RedisStore
  const limits = { inflight: cfg.inflight, waitMs: Duration.toMillis(cfg.jobWait) }
  const paceMs = Duration.toMillis(cfg.pace)
  let added = 0
  let firstId: string | undefined
  let undelivered = initial.undelivered
  let pending: ReadonlyArray<PendingEntry> = []
  while (true) {
    const n = Math.min(roomFor(undelivered, pending, limits), jobs.length - added)
    if (n > 0) {
      const now = yield* Clock.currentTimeMillis
      const adds = jobs.slice(added, added + n).map((job): Command => ({ op: "xadd", stream, fields: stamped(job, now) }))
      const replies = yield* store.exec(adds)
      if (firstId === undefined && replies[0]?.op === "xadd") firstId = replies[0].id
      added += n
      yield* Metric.update(Metric.withAttributes(jobsEnqueued, { stream }), n)
    }
    if (added === jobs.length || (yield* Clock.currentTimeMillis) + paceMs >= deadline) return added
    yield* Effect.sleep(cfg.pace)
    const [backlog, delivered] = yield* Effect.all([backlogOfStream(stream), pendingSince(stream, firstId, jobs.length)], {
      concurrency: "unbounded"
    })
    undelivered = backlog.undelivered
    pending = delivered
  }
})

/** One round for a source; it ends by the time the source's next round is due. */
export const runRound = Effect.fn("Scheduler.runRound")(function*(source: DataSource) {
  const cfg = yield* SchedulerConfig
  const startedAt = yield* Clock.currentTimeMillis
  const every = cadences(cfg).find((c) => c.source === source)!.every
  const deadline = startedAt + Duration.toMillis(every)
  const planned = planRound(cfg, source)
  const backlogs = yield* Effect.forEach(planned, ({ stream }) => backlogOfStream(stream), { concurrency: "unbounded" })
  const skipped = planned.flatMap(({ stream }, i) => overLimit(backlogs[i]!, cfg.maxBacklog) ? [{ stream, ...backlogs[i]! }] : [])
  for (const s of skipped) {
    yield* Effect.logWarning("round skipped: backlog above limit", { ...s, maxBacklog: cfg.maxBacklog })
    yield* Metric.update(Metric.withAttributes(roundsSkipped, { stream: s.stream }), 1)
  }
  const admitted = planned.flatMap(({ jobs, stream }, i) =>
    overLimit(backlogs[i]!, cfg.maxBacklog) ? [] : [{ stream, jobs, backlog: backlogs[i]! }]
  )
  const added = yield* Effect.forEach(admitted, ({ backlog, jobs, stream }) => feed(stream, jobs, backlog, deadline), {
    concurrency: "unbounded"
  })
  const dropped = admitted.flatMap(({ jobs, stream }, i) =>
    added[i]! < jobs.length ? [{ stream, jobs: jobs.length - added[i]! }] : []
  )
  for (const d of dropped) {
    yield* Effect.logWarning("round not fully added: the workers did not get through its jobs in time", {
      ...d,
      inflight: cfg.inflight
    })
    yield* Metric.update(Metric.withAttributes(jobsDropped, { stream: d.stream }), d.jobs)
  }
  return {
    enqueued: admitted.map(({ stream }, i) => ({ stream, jobs: added[i]! })),
    dropped,
    skipped
  } satisfies RoundResult
})

/** Runs every source's rounds on its cadence until interrupted. A failed round is logged; the next one still runs. */
export const runScheduler = Effect.gen(function*() {
  const cfg = yield* SchedulerConfig
  yield* Effect.logInfo("scheduler started", {
    bookmakers: cfg.bookmakers.join(","),
    markets: cfg.markets.join(","),
    days: cfg.days,
    maxBacklog: cfg.maxBacklog,
    inflight: cfg.inflight
  })
  yield* Effect.forEach(
    cadences(cfg),
    ({ source, every }) =>
      runRound(source).pipe(
        Effect.catchTag("RedisError", (e) => Effect.logError("round failed", { source, op: e.op, error: e.message })),
        Effect.repeat(Schedule.fixed(every))
      ),
    { concurrency: "unbounded", discard: true }
  )
})
