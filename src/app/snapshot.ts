// Reads the running system's state for the view: the detector's active opportunities and the metrics the
// scheduler, the workers and the detector export (per job stream where they are labelled by stream).
import { Clock, Effect, Metric } from "effect"
import { detectorMetrics } from "../mispricing/detector/Detector.ts"
import { latencySummary, summarize } from "../mispricing/detector/latency.ts"
import type { LifecycleEvent } from "../mispricing/detector/lifecycle.ts"
import { type RejectionReason, rejectionReasons } from "../mispricing/priceFixture.ts"
import { metricsFor } from "../pipeline/metrics.ts"
import { jobsEnqueued, roundsSkipped } from "../scheduler/Scheduler.ts"
import type { System } from "./System.ts"
import { jobStreams } from "./System.ts"
import { type DetectorStats, rank, type StreamStats, type ViewState } from "./view.ts"

const count = (counter: Metric.Counter<number>, attributes: Record<string, string>) =>
  Effect.map(Metric.value(Metric.withAttributes(counter, attributes)), (s) => s.count)

const streamStats = (stream: string): Effect.Effect<StreamStats> =>
  Effect.gen(function*() {
    const m = metricsFor(stream)
    const value = (counter: Metric.Counter<number>) => Effect.map(Metric.value(counter), (s) => s.count)
    const [done, matched, failed, dead, redis] = yield* Effect.all([
      value(m.jobsDone),
      value(m.entriesMatched),
      value(m.jobsFailed),
      value(m.jobsDeadLettered),
      value(m.redisErrors)
    ])
    return {
      stream,
      enqueued: yield* count(jobsEnqueued, { stream }),
      skipped: yield* count(roundsSkipped, { stream }),
      done,
      matched,
      errors: failed + dead + redis,
      latency: summarize(yield* Metric.value(m.publishLatency))
    }
  })

const events: ReadonlyArray<LifecycleEvent> = ["new", "updated", "gone"]

const detectorStats: Effect.Effect<DetectorStats> = Effect.gen(function*() {
  const byEvent = yield* Effect.forEach(events, (event) => count(detectorMetrics.events, { event }))
  const byReason = yield* Effect.forEach(rejectionReasons, (reason) => count(detectorMetrics.rejections, { reason }))
  return {
    events: Object.fromEntries(events.map((e, i) => [e, byEvent[i]!])) as Record<LifecycleEvent, number>,
    latency: yield* latencySummary,
    rejections: Object.fromEntries(rejectionReasons.map((r, i) => [r, byReason[i]!])) as Record<RejectionReason, number>
  }
})

export const feedsOf = (system: System): string =>
  system.simulator === undefined
    ? "BOOKIE_*_URL"
    : `simulator ${system.simulator.url} (seed ${system.simulator.world.options.seed}, ` +
      `${system.simulator.world.mispricings.length} injected)`

/** The view's state now. */
export const snapshot = (system: System, startedAt: number, logs: ReadonlyArray<string>): Effect.Effect<ViewState> =>
  Effect.gen(function*() {
    return {
      now: yield* Clock.currentTimeMillis,
      startedAt,
      feeds: feedsOf(system),
      store: system.store,
      active: rank(yield* system.detector.active),
      streams: yield* Effect.forEach(jobStreams, ({ stream }) => streamStats(stream)),
      detector: yield* detectorStats,
      logs
    }
  })
