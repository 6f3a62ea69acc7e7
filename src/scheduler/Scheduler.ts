// The scheduler's I/O: per source, a round on its cadence; each round sizes every job stream's
// backlog, skips the streams the workers have not caught up with, and adds the rest in one pipeline.
import { Clock, Effect, Metric, Schedule } from "effect"
import type { DataSource } from "../domain/Market.ts"
import { type Command, RedisStore } from "../redis/RedisStore.ts"
import { backlogOf, cadences, overLimit, planRound } from "./plan.ts"
import { SchedulerConfig } from "./SchedulerConfig.ts"

export const jobsEnqueued = Metric.counter("scheduler_jobs_enqueued_total", { description: "jobs added to job streams" })
export const roundsSkipped = Metric.counter("scheduler_rounds_skipped_total", {
  description: "stream rounds skipped because the stream's backlog was above SCHED_MAX_BACKLOG"
})

export interface RoundResult {
  readonly enqueued: ReadonlyArray<{ readonly stream: string; readonly jobs: number }>
  readonly skipped: ReadonlyArray<{ readonly stream: string; readonly pending: number; readonly undelivered: number }>
}

/** One round for a source. XINFO GROUPS and XLEN of every stream are sent together: one round trip. */
export const runRound = Effect.fn("Scheduler.runRound")(function*(source: DataSource) {
  const cfg = yield* SchedulerConfig
  const store = yield* RedisStore
  const planned = planRound(cfg, source, yield* Clock.currentTimeMillis)
  const backlogs = yield* Effect.forEach(
    planned,
    ({ stream }) =>
      Effect.all([store.groups(stream), store.streamLength(stream)], { concurrency: "unbounded" }).pipe(
        Effect.map(([groups, length]) => backlogOf(groups, cfg.group, length))
      ),
    { concurrency: "unbounded" }
  )
  const admitted = planned.filter((_, i) => !overLimit(backlogs[i]!, cfg.maxBacklog))
  const result: RoundResult = {
    enqueued: admitted.map(({ stream, jobs }) => ({ stream, jobs: jobs.length })),
    skipped: planned.flatMap(({ stream }, i) => overLimit(backlogs[i]!, cfg.maxBacklog) ? [{ stream, ...backlogs[i]! }] : [])
  }
  for (const s of result.skipped) {
    yield* Effect.logWarning("round skipped: backlog above limit", { ...s, maxBacklog: cfg.maxBacklog })
    yield* Metric.update(Metric.withAttributes(roundsSkipped, { stream: s.stream }), 1)
  }
  const commands: ReadonlyArray<Command> = admitted.flatMap(({ stream, jobs }) => jobs.map((fields) => ({ op: "xadd", stream, fields })))
  if (commands.length > 0) yield* store.exec(commands)
  for (const e of result.enqueued) yield* Metric.update(Metric.withAttributes(jobsEnqueued, { stream: e.stream }), e.jobs)
  return result
})

/** Runs every source's rounds on its cadence until interrupted. A failed round is logged; the next one still runs. */
export const runScheduler = Effect.gen(function*() {
  const cfg = yield* SchedulerConfig
  yield* Effect.logInfo("scheduler started", {
    bookmakers: cfg.bookmakers.join(","),
    markets: cfg.markets.join(","),
    days: cfg.days,
    maxBacklog: cfg.maxBacklog
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
