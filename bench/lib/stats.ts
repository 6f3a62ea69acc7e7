// Summaries of repeated measurements: medians with their spread, and latency percentiles.

/** The q-quantile (0…1) by nearest rank on a copy; NaN for no samples. */
export const quantile = (samples: ReadonlyArray<number>, q: number): number => {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

/** The middle sample, or the mean of the two middle ones. */
export const median = (samples: ReadonlyArray<number>): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const spread = (samples: ReadonlyArray<number>): Spread => ({
  median: median(samples),
  min: Math.min(...samples),
  max: Math.max(...samples)
})
