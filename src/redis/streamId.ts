// Redis stream ids (`ms-seq`) for the in-memory store: parsing as Redis does, ordering, generation.
// Pure; the rules follow Redis 7.0's t_stream.c so the in-memory layer agrees with a real server.

export interface StreamId {
  readonly ms: number
  readonly seq: number
}

export const zeroId: StreamId = { ms: 0, seq: 0 }
export const maxId: StreamId = { ms: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER }

export const formatId = (id: StreamId): string => `${id.ms}-${id.seq}`

export const compareIds = (a: StreamId, b: StreamId): number =>
  a.ms !== b.ms ? (a.ms < b.ms ? -1 : 1) : a.seq !== b.seq ? (a.seq < b.seq ? -1 : 1) : 0

const part = /^\d{1,16}$/

/**
 * `ms-seq` or `ms` (seq taken from `missingSeq`, as Redis does for range bounds); undefined when malformed.
 * `-` and `+` stand for the smallest and the largest id.
 */
export const parseId = (text: string, missingSeq: number = 0): StreamId | undefined => {
  if (text === "-") return zeroId
  if (text === "+") return maxId
  const [ms, seq, ...rest] = text.split("-")
  if (ms === undefined || !part.test(ms) || rest.length > 0) return undefined
  if (seq === undefined) return { ms: Number(ms), seq: missingSeq }
  return part.test(seq) ? { ms: Number(ms), seq: Number(seq) } : undefined
}

/** The id XADD `*` assigns: the clock's millisecond, or the last id's ms with seq + 1 when the clock is not ahead. */
export const nextId = (last: StreamId, nowMs: number): StreamId =>
  nowMs > last.ms ? { ms: nowMs, seq: 0 } : { ms: last.ms, seq: last.seq + 1 }

/** The id right after `id` (XREADGROUP's history read and exclusive range bounds start there). */
export const successor = (id: StreamId): StreamId => ({ ms: id.ms, seq: id.seq + 1 })

/** Range bound as XRANGE reads it: `(` makes it exclusive; a start without seq means seq 0, an end means seq max. */
export const parseRangeBound = (text: string, side: "start" | "end"): StreamId | undefined => {
  const exclusive = text.startsWith("(")
  const id = parseId(exclusive ? text.slice(1) : text, side === "start" ? 0 : maxId.seq)
  if (id === undefined || !exclusive) return id
  return side === "start" ? successor(id) : id.seq > 0 ? { ms: id.ms, seq: id.seq - 1 } : { ms: id.ms - 1, seq: maxId.seq }
}

/** Why Redis would refuse an XADD cap (`MAXLEN n` / `MINID id`), as a reply error text; undefined when valid. */
export const capError = (cap: { readonly maxLen: number } | { readonly minId: string } | undefined): string | undefined => {
  if (cap === undefined) return undefined
  if ("maxLen" in cap) return Number.isSafeInteger(cap.maxLen) && cap.maxLen >= 0 ? undefined : "ERR value is not an integer or out of range"
  return parseId(cap.minId) === undefined ? "ERR Invalid stream ID specified as stream command argument" : undefined
}
