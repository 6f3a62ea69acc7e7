// The worker's metrics. Each series carries the job stream as attribute `stream`, so one process running a
// worker per stream (`npm start`) reports them apart.
import { Metric } from "effect"

const latencyBoundaries = Metric.exponentialBoundaries({ start: 5, factor: 2, count: 16 }) // 5 ms … ~2.7 min

export const jobsDone = Metric.counter("worker_jobs_done_total", {
  description: "Jobs whose quotes and publications were written, then acknowledged",
  incremental: true
})
export const jobsFailed = Metric.counter("worker_jobs_failed_total", {
  description: "Transient extractor failures left pending for a retry",
  incremental: true
})
export const jobsDeadLettered = Metric.counter("worker_jobs_dead_lettered_total", {
  description: "Jobs moved to the dead-letter stream and acknowledged",
  incremental: true
})
export const entriesMatched = Metric.counter("worker_entries_matched_total", {
  description: "Matched entries published to a matched stream (duplicates suppressed are not counted)",
  incremental: true
})
export const groupsRecreated = Metric.counter("worker_groups_recreated_total", {
  description: "Consumer groups recreated after NOGROUP (e.g. Redis restarted without persistence)",
  incremental: true
})
export const redisErrors = Metric.counter("worker_redis_errors_total", {
  description: "Failed Redis reads and writes (the work is retried, never acknowledged after a failed write)",
  incremental: true
})
export const commitDuration = Metric.histogram("worker_commit_duration_ms", {
  description: "Time to commit extracted batches: write, read back, fold, publish, acknowledge",
  boundaries: latencyBoundaries
})
export const publishLatency = Metric.histogram("worker_enqueue_to_publish_ms", {
  description: "From a job's enqueue (its stream id) to the publication of a match it contributed to",
  boundaries: latencyBoundaries
})

export interface WorkerMetrics {
  readonly jobsDone: Metric.Counter<number>
  readonly jobsFailed: Metric.Counter<number>
  readonly jobsDeadLettered: Metric.Counter<number>
  readonly entriesMatched: Metric.Counter<number>
  readonly groupsRecreated: Metric.Counter<number>
  readonly redisErrors: Metric.Counter<number>
  readonly commitDuration: Metric.Histogram<number>
  readonly publishLatency: Metric.Histogram<number>
}

/** The series of one job stream. */
export const metricsFor = (stream: string): WorkerMetrics => {
  const attributes = { stream }
  return {
    jobsDone: Metric.withAttributes(jobsDone, attributes),
    jobsFailed: Metric.withAttributes(jobsFailed, attributes),
    jobsDeadLettered: Metric.withAttributes(jobsDeadLettered, attributes),
    entriesMatched: Metric.withAttributes(entriesMatched, attributes),
    groupsRecreated: Metric.withAttributes(groupsRecreated, attributes),
    redisErrors: Metric.withAttributes(redisErrors, attributes),
    commitDuration: Metric.withAttributes(commitDuration, attributes),
    publishLatency: Metric.withAttributes(publishLatency, attributes)
  }
}
