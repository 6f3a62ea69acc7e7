// A pure function of a string, kept by value: the same string always gives the same result, so what it gave
// is kept, keyed by the string itself. For values read again and again: a hash field keeps its value until
// it is written again, and every batch (worker) or re-pricing (detector) that touches its entry reads it anew.

export interface ByValue<A> {
  /** `compute(value)`, or what the same value gave before. */
  readonly get: (value: string) => A
  /** Records what `value` gives without computing it (a value this process encoded itself). */
  readonly keep: (value: string, result: A) => void
}

/**
 * Keeps up to `maxEntries` values, then drops them all at once (no bookkeeping per read); a value longer
 * than `maxLength` is computed every time, so one huge (or poison) value never sits in memory.
 */
export const byValue = <A extends NonNullable<unknown> | null>(
  compute: (value: string) => A,
  options: { readonly maxEntries: number; readonly maxLength: number }
): ByValue<A> => {
  const cache = new Map<string, A>()
  const keep = (value: string, result: A) => {
    if (value.length > options.maxLength) return
    if (cache.size >= options.maxEntries) cache.clear()
    cache.set(value, result)
  }
  return {
    get: (value) => {
      const kept = cache.get(value)
      if (kept !== undefined) return kept
      const result = compute(value)
      keep(value, result)
      return result
    },
    keep
  }
}
