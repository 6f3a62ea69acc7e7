// Reading Redis streams from the benchmark's side with plain ioredis, entries as XREAD and XRANGE return them.
import type { Redis } from "ioredis"

/** An entry's flat [field, value, …] array as a record. */
export const fieldsOf = (flat: ReadonlyArray<string>): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!
  return fields
}

type StreamEntry = (stream: string, id: string, fields: Record<string, string>, arrivedAt: number) => void

/**
 * Follows each stream after the id given for it (XREAD BLOCK, no group: the system's groups are untouched),
 * calling `onEntry` for every entry with performance.now() at its reply's arrival; `stop` ends the loop.
 */
export const followStreams = (redis: Redis, after: ReadonlyMap<string, string>, onEntry: StreamEntry) => {
  const ids = new Map(after)
  let running = true
  const loop = (async () => {
    while (running) {
      const reply = (await redis.xread("COUNT", 1000, "BLOCK", 100, "STREAMS", ...ids.keys(), ...ids.values())) as
        | Array<[string, Array<[string, Array<string>]>]>
        | null
      const arrivedAt = performance.now()
      for (const [stream, entries] of reply ?? []) {
        for (const [id, flat] of entries) onEntry(stream, id, fieldsOf(flat), arrivedAt)
        ids.set(stream, entries[entries.length - 1]![0])
      }
    }
  })()
  return {
    stop: (): Promise<void> => {
      running = false
      return loop
    }
  }
}
