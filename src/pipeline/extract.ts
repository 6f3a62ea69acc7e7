// The extraction stage: one batch's jobs through their extractors, XTR_CONCURRENCY at once. Never fails: a
// job's failure is its outcome, and a defect (a bug) leaves the whole batch pending rather than crash the worker.
import { Effect } from "effect"
import { Extractors } from "../bookmakers/Extractors.ts"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import { RedisStore, type StreamEntry } from "../redis/RedisStore.ts"
import { dead, type JobOutcome } from "./JobOutcome.ts"
import { clip } from "./outputs.ts"
import { makeRunJob } from "./runJob.ts"

/** A batch after extraction: an outcome per entry, in the batch's order. */
export interface Extraction {
  readonly entries: ReadonlyArray<StreamEntry>
  readonly outcomes: ReadonlyArray<JobOutcome>
}

export const makeExtract = Effect.gen(function*() {
  const cfg = yield* WorkerConfig
  const store = yield* RedisStore
  const runJob = makeRunJob(yield* Extractors, cfg.jobTimeout)

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

  return (entries: ReadonlyArray<StreamEntry>): Effect.Effect<Extraction> =>
    Effect.forEach(entries, runJob, { concurrency: cfg.concurrency }).pipe(
      Effect.flatMap((run) =>
        run.some((o) => o._tag === "Retry") ? Effect.forEach(run, settle, { concurrency: "unbounded" }) : Effect.succeed(run)
      ),
      Effect.map((outcomes): Extraction => ({ entries, outcomes })),
      Effect.catchDefect((defect) =>
        Effect.logError("batch failed on a defect; its jobs stay pending", { defect: clip(String(defect)) }).pipe(
          Effect.as<Extraction>({ entries, outcomes: [] })
        )
      )
    )
})
