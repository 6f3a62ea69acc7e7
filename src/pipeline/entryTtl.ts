// When an entry write carries an EXPIRE. Refreshing the TTL on every write costs a command per entry per
// batch; instead an entry's TTL is set when this process has not set it for half the TTL, so an entry
// expires between ½ and 1 × XTR_ENTRY_TTL after its last write. A write that created the key (its HSET added
// every field written: the key had expired, or Redis lost it) gets its EXPIRE in the batch's next round
// trip, and until that succeeds the key stays due, so its next write sets it.

/** `maxKeys` bounds the memory: past it, every key is due again once. */
export const makeEntryTtl = (ttlMs: number, maxKeys = 65_536) => {
  const setAt = new Map<string, number>()
  return {
    /** Whether the write of `key` at `now` must carry an EXPIRE. */
    due: (key: string, now: number): boolean => {
      const at = setAt.get(key)
      return at === undefined || now - at >= ttlMs / 2
    },
    /** The EXPIRE of these keys succeeded at `now`. */
    set: (keys: Iterable<string>, now: number): void => {
      for (const key of keys) {
        if (setAt.size >= maxKeys && !setAt.has(key)) setAt.clear()
        setAt.set(key, now)
      }
    }
  }
}
