// The entry hash: one per (data source, market, fixture), a field per bookmaker holding its latest quote as
// JSON, plus `fixture`, and `bookie_updated` / `published_sig` once matched. Plain hashes, so any Redis ≥ 6.2,
// Valkey or Cluster will do. The detector reads entries with the same schema.
import { Result, Schema } from "effect"
import type { Job } from "../domain/Job.ts"
import { Bookmaker } from "../domain/Market.ts"
import { Quote } from "../domain/Quote.ts"
import type { Observation } from "../matching/fold.ts"
import type { Command, Fields } from "../redis/RedisStore.ts"

export const fixtureField = "fixture"
export const updatedField = "bookie_updated"
export const signatureField = "published_sig"
/**
 * `written_by:<stream_date>`: the batch that last wrote quotes of that period to the entry. A batch publishes
 * the entry's match only while it is still that writer; otherwise a later batch (which read the entry after
 * its own write, so saw more) publishes it. Without it, a batch with an older view could publish a smaller,
 * stale match after a fuller one, and a redelivery would then publish the fuller one a second time.
 */
export const writerField = (streamDate: string) => `written_by:${streamDate}`

/** A bookmaker's field: its quote plus the job that wrote it (`<stream>/<id>`) and that job's period. */
export const StoredQuote = Schema.Struct({ ...Quote.fields, jobId: Schema.String, stream_date: Schema.String })
export type StoredQuote = typeof StoredQuote.Type
export const StoredQuoteJson = Schema.fromJsonString(StoredQuote)
const decodeStored = Schema.decodeUnknownResult(StoredQuoteJson)

/** The `fixture` field: the resolved key and the listing of the bookmaker that wrote last. */
export const Fixture = Schema.Struct({
  key: Schema.String,
  home: Schema.String,
  away: Schema.String,
  kickoff: Schema.String,
  league: Schema.optionalKey(Schema.String),
  country: Schema.optionalKey(Schema.String)
})
export type Fixture = typeof Fixture.Type

const isBookmaker = Schema.is(Bookmaker)

/** One quote of the batch, resolved to its entry. */
export interface Placed {
  readonly entryKey: string
  readonly fixtureKey: string
  readonly quote: Quote
  readonly job: Job
  readonly jobId: string
  /** When the job entered its stream (ms, from its id). */
  readonly enqueuedAt: number
}

export const jobIdOf = (stream: string, id: string) => `${stream}/${id}`

export const observationOf = (entryKey: string, q: StoredQuote): Observation => ({
  entryKey,
  source: q.source,
  market: q.market,
  streamDate: q.stream_date,
  bookmaker: q.bookmaker,
  fetchedAt: q.fetchedAt,
  jobId: q.jobId
})

export const placedObservation = (p: Placed): Observation =>
  observationOf(p.entryKey, { ...p.quote, jobId: p.jobId, stream_date: p.job.stream_date })

/**
 * HSET (+ EXPIRE) of every entry the batch touched, then HGETALL of the same entries, in that order. `writer`
 * identifies the batch (see writerField).
 */
export const entryCommands = (placed: ReadonlyArray<Placed>, ttlSeconds: number, writer: string) => {
  const byEntry = new Map<string, Record<string, string>>()
  for (const p of placed) {
    const stored: StoredQuote = { ...p.quote, jobId: p.jobId, stream_date: p.job.stream_date }
    const { home, away, kickoff, league, country } = p.quote.listing
    const fixture: Fixture = {
      key: p.fixtureKey,
      home,
      away,
      kickoff,
      ...(league === undefined ? {} : { league }),
      ...(country === undefined ? {} : { country })
    }
    const fields = byEntry.get(p.entryKey) ?? {}
    fields[p.quote.bookmaker] = JSON.stringify(stored)
    fields[fixtureField] = JSON.stringify(fixture)
    fields[writerField(p.job.stream_date)] = writer
    byEntry.set(p.entryKey, fields)
  }
  const keys = [...byEntry.keys()]
  const writes: Array<Command> = [...byEntry].flatMap(([key, fields]): Array<Command> => [
    { op: "hset", key, fields },
    { op: "expire", key, seconds: ttlSeconds }
  ])
  const reads: Array<Command> = keys.map((key) => ({ op: "hgetall", key }))
  return { keys, commands: [...writes, ...reads], readsFrom: writes.length }
}

/** The quotes stored on an entry; a field that does not decode (or sits under another bookmaker's name) is skipped. */
export const storedObservations = (entryKey: string, fields: Fields) => {
  const observations: Array<Observation> = []
  const invalid: Array<string> = []
  for (const [name, value] of Object.entries(fields)) {
    if (!isBookmaker(name)) continue
    const decoded = decodeStored(value)
    if (Result.isSuccess(decoded) && decoded.success.bookmaker === name) {
      observations.push(observationOf(entryKey, decoded.success))
    } else invalid.push(name)
  }
  return { observations, invalid }
}
