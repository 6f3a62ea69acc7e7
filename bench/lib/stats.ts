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

export const spread = (samples: ReadonlyArray<number>): Spread => ({
  median: quantile(samples, 0.5),
  min: Math.min(...samples),
  max: Math.max(...samples)
})
