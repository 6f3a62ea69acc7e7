// The worker's two outputs besides entries: a match publication and a dead letter, as Redis commands.
import type { Match } from "../matching/fold.ts"
import { deadLetterStream, matchedStream } from "../redis/keys.ts"
import type { Cap, Command, Fields, StreamEntry } from "../redis/RedisStore.ts"
import { signatureField, updatedField, writerField } from "./entryHash.ts"

/** Cuts text to `max` characters, saying how much was dropped (a poison job may carry megabytes). */
export const clip = (text: string, max = 1024): string =>
  text.length <= max ? text : `${text.slice(0, max)}…(${text.length - max} more chars)`

const maxCopiedFields = 16

/**
 * XADD to `<STREAM>:dead`: the job's original fields (clipped, at most 16), then `dead_id`, `dead_reason` and
 * `dead_at` (ISO-8601 UTC). Stripping the `dead_*` fields gives back a replayable job.
 */
export const deadLetter = (
  stream: string,
  entry: StreamEntry,
  reason: string,
  now: number,
  cap: Cap
): Command => {
  const original = Object.entries(entry.fields).slice(0, maxCopiedFields).map(([k, v]) => [clip(k, 128), clip(v)] as const)
  const fields: Fields = Object.fromEntries([
    ...original,
    ["dead_id", entry.id],
    ["dead_reason", clip(reason)],
    ["dead_at", new Date(now).toISOString()]
  ])
  return { op: "xadd", stream: deadLetterStream(stream), fields, cap }
}

/**
 * Sets `bookie_updated` on the entry and XADDs `data_key`, `bookmakers` (comma-separated), `stream_date` and
 * `enqueued_at` (the earliest contributing job's enqueue time, for latency) to the matched stream — unless
 * the entry already carries this match's signature, i.e. it was published by an earlier delivery, or a later
 * batch (not `writer`) has written quotes of this period since.
 */
export const publication = (match: Match, now: number, enqueuedAt: number, cap: Cap, writer: string): Command => ({
  op: "publishOnce",
  key: match.entryKey,
  sigField: signatureField,
  sig: match.signature,
  also: { [updatedField]: new Date(now).toISOString() },
  onlyIf: { field: writerField(match.streamDate), value: writer },
  stream: matchedStream(match.source, match.market),
  fields: {
    data_key: match.entryKey,
    bookmakers: match.bookmakers.join(","),
    stream_date: match.streamDate,
    enqueued_at: new Date(enqueuedAt).toISOString()
  },
  cap
})
