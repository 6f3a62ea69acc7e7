// The entry hash: one per (data source, market, fixture), a field per bookmaker holding its latest quote as
// JSON, plus `fixture`, and `bookie_updated` / `published_sig` once matched. Plain hashes, so any Redis ≥ 6.2,
// Valkey or Cluster will do. The detector reads entries with the same schema.
import { Result, Schema } from "effect"
import type { Job } from "../domain/Job.ts"
import { Bookmaker, DataSource, Market } from "../domain/Market.ts"
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

/** What matching reads of a stored quote (the detector decodes the whole of it, see entryQuotes.ts). */
const StoredMark = Schema.Struct({
  bookmaker: Bookmaker,
  market: Market,
  source: DataSource,
  fetchedAt: Schema.String,
  jobId: Schema.String,
  stream_date: Schema.String
})
type StoredMark = typeof StoredMark.Type
const decodeMark = Schema.decodeUnknownResult(Schema.fromJsonString(StoredMark))

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

export const observationOf = (entryKey: string, q: StoredMark): Observation => ({
  entryKey,
  source: q.source,
  market: q.market,
  streamDate: q.stream_date,
  bookmaker: q.bookmaker,
  fetchedAt: q.fetchedAt,
  jobId: q.jobId
})

const storedOf = (p: Placed): StoredQuote => ({ ...p.quote, jobId: p.jobId, stream_date: p.job.stream_date })

export const placedObservation = (p: Placed): Observation => observationOf(p.entryKey, storedOf(p))

/** An entry's HSET in the commands, with what its reply means (see entryTtl.ts). */
export interface EntryWrite {
  readonly key: string
  /** Position of the HSET in the commands, hence of its reply (the number of fields it added). */
  readonly at: number
  readonly fields: number
  /** Whether an EXPIRE follows it. */
  readonly expires: boolean
}

/**
 * HSET (+ EXPIRE when `expireDue` says so) of every entry the batch touched, then HGETALL of the same entries,
 * in that order. `writer` identifies the batch (see writerField). `written` pairs each quote field's value
 * with the quote it encodes.
 */
export const entryCommands = (
  placed: ReadonlyArray<Placed>,
  writer: string,
  ttlSeconds: number,
  expireDue: (key: string) => boolean
) => {
  const byEntry = new Map<string, Record<string, string>>()
  const written: Array<readonly [value: string, quote: StoredQuote]> = []
  for (const p of placed) {
    const stored = storedOf(p)
    const value = JSON.stringify(stored)
    written.push([value, stored])
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
    fields[p.quote.bookmaker] = value
    fields[fixtureField] = JSON.stringify(fixture)
    fields[writerField(p.job.stream_date)] = writer
    byEntry.set(p.entryKey, fields)
  }
  const keys = [...byEntry.keys()]
  const commands: Array<Command> = []
  const writes: Array<EntryWrite> = []
  for (const [key, fields] of byEntry) {
    const expires = expireDue(key)
    writes.push({ key, at: commands.length, fields: Object.keys(fields).length, expires })
    commands.push({ op: "hset", key, fields })
    if (expires) commands.push({ op: "expire", key, seconds: ttlSeconds })
  }
  const readsFrom = commands.length
  for (const key of keys) commands.push({ op: "hgetall", key })
  return { keys, commands, readsFrom, writes, written }
}

/** Values longer than this are decoded every time rather than kept (a poison value may be megabytes). */
const maxCachedLength = 4096

/**
 * Reads the quotes stored on entries. A stored value is read back by every batch that touches its entry until
 * its bookmaker's next quote replaces it, and a value always decodes the same way, so decoded values are kept
 * by value (up to `maxCached`, then all dropped at once), and the values this process writes are remembered
 * as written (`remember`) instead of being decoded when they come back.
 */
export const makeStoredReader = (maxCached = 4096) => {
  const cache = new Map<string, StoredMark | null>() // null: does not decode
  const keep = (value: string, mark: StoredMark | null) => {
    if (value.length > maxCachedLength) return
    if (cache.size >= maxCached) cache.clear()
    cache.set(value, mark)
  }
  const decode = (value: string): StoredMark | null => {
    const kept = cache.get(value)
    if (kept !== undefined) return kept
    const decoded = decodeMark(value)
    const mark = Result.isSuccess(decoded) ? decoded.success : null
    keep(value, mark)
    return mark
  }
  return {
    remember: (written: ReadonlyArray<readonly [value: string, quote: StoredMark]>) => {
      for (const [value, quote] of written) keep(value, quote)
    },
    /** The quotes stored on an entry; a field that does not decode (or sits under another bookmaker's name) is skipped. */
    read: (entryKey: string, fields: Fields) => {
      const observations: Array<Observation> = []
      const invalid: Array<string> = []
      for (const name in fields) {
        if (!isBookmaker(name)) continue
        const mark = decode(fields[name]!)
        if (mark !== null && mark.bookmaker === name) observations.push(observationOf(entryKey, mark))
        else invalid.push(name)
      }
      return { observations, invalid }
    }
  }
}
