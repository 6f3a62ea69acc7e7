// Decoding of hash fields read back again and again, kept by value. A field keeps its value until it is
// written again, and every batch (worker) or re-pricing (detector) that touches its entry reads it anew; a
// value always decodes the same way, so what it decoded to is kept, keyed by the value itself.

export interface DecodeByValue<A> {
  /** `decode(value)`, or what the same value decoded to before. */
  readonly decode: (value: string) => A
  /** Records what `value` decodes to without decoding it (a value this process encoded itself). */
  readonly keep: (value: string, decoded: A) => void
}

/**
 * Keeps up to `maxEntries` values, then drops them all at once (no bookkeeping per read); a value longer
 * than `maxLength` is decoded every time, so one huge (or poison) value never sits in memory.
 */
export const decodeByValue = <A extends NonNullable<unknown> | null>(
  decode: (value: string) => A,
  options: { readonly maxEntries: number; readonly maxLength: number }
): DecodeByValue<A> => {
  const cache = new Map<string, A>()
  const keep = (value: string, decoded: A) => {
    if (value.length > options.maxLength) return
    if (cache.size >= options.maxEntries) cache.clear()
    cache.set(value, decoded)
  }
  return {
    decode: (value) => {
      const kept = cache.get(value)
      if (kept !== undefined) return kept
      const decoded = decode(value)
      keep(value, decoded)
      return decoded
    },
    keep
  }
}
