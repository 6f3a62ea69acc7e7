// Enqueue → opportunity latency: from the enqueue time of the job behind a matched message to the
// publication of the opportunity event it caused. A histogram (Prometheus-friendly), read back as p50/p95.
import { Effect, Metric } from "effect"

export const enqueueToOpportunityMs = Metric.histogram("detector_enqueue_to_opportunity_ms", {
  description: "milliseconds from a job's enqueue to the publication of the opportunity event it caused",
  // 1 ms … ~2 h in steps of 25 %: quantiles read back within a quarter of their value.
  boundaries: Metric.exponentialBoundaries({ start: 1, factor: 1.25, count: 72 })
})

export interface LatencySummary {
  readonly count: number
  /** undefined until a first observation. */
  readonly p50: number | undefined
  readonly p95: number | undefined
  readonly max: number | undefined
}

/** The q-quantile of a histogram, interpolated linearly inside its bucket and clamped to the observed min/max. */
export const quantile = (state: Metric.HistogramState, q: number): number | undefined => {
  if (state.count === 0) return undefined
  const rank = q * state.count
  let below = 0
  let lower = state.min
  for (const [bound, cumulated] of state.buckets) {
    if (cumulated >= rank && cumulated > below) {
      const from = Math.max(lower, state.min)
      const to = Math.min(bound, state.max)
      return from + (to - from) * ((rank - below) / (cumulated - below))
    }
    below = cumulated
    lower = bound
  }
  return state.max
}

export const summarize = (state: Metric.HistogramState): LatencySummary => ({
  count: state.count,
  p50: quantile(state, 0.5),
  p95: quantile(state, 0.95),
  max: state.count === 0 ? undefined : state.max
})

/** p50/p95 of the enqueue → opportunity latency so far, for the terminal view and the benchmark. */
export const latencySummary: Effect.Effect<LatencySummary> = Effect.map(Metric.value(enqueueToOpportunityMs), summarize)
