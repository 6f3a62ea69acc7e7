// The entry hash: one per (data source, market, fixture), a field per bookmaker holding its latest quote as
// JSON, plus `fixture`, and `bookie_updated` / `published_sig` once matched. Plain hashes, so any Redis ≥ 6.2,
// Valkey or Cluster will do. The detector reads entries with the same schema.
import { Result, Schema } from "effect"
import type { Job } from "../domain/Job.ts"
import { type Bookmaker, bookmakers, type DataSource, type Market } from "../domain/Market.ts"
import { Quote } from "../domain/Quote.ts"
import { byValue } from "../domain/byValue.ts"
import type { Observation } from "../matching/fold.ts"
import type { Command } from "../redis/RedisStore.ts"

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

/**
 * `mark:<bookmaker>`: what matching needs of that bookmaker's quote, `[fetchedAt, stream_date, jobId]` as
 * JSON, written with the quote in the same HSET. The worker reads back these few short fields (HMGET) rather
 * than every bookmaker's whole quote.
 */
export const markField = (bookmaker: Bookmaker) => `mark:${bookmaker}`
const markFields: ReadonlyArray<string> = bookmakers.map(markField)
const Mark = Schema.Tuple([Schema.String, Schema.String, Schema.String])
type Mark = typeof Mark.Type
const decodeMark = Schema.decodeUnknownResult(Schema.fromJsonString(Mark))

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

const storedOf = (p: Placed): StoredQuote => ({ ...p.quote, jobId: p.jobId, stream_date: p.job.stream_date })

export const placedObservation = (p: Placed): Observation => ({
  entryKey: p.entryKey,
  source: p.quote.source,
  market: p.quote.market,
  streamDate: p.job.stream_date,
  bookmaker: p.quote.bookmaker,
  fetchedAt: p.quote.fetchedAt,
  jobId: p.jobId
})

/** An entry's HSET in the commands, with what its reply means (see entryTtl.ts). */
export interface EntryWrite {
  readonly key: string
  /** Position of the HSET in the commands, hence of its reply (the number of fields it added). */
  readonly at: number
  readonly fields: number
  /** Whether an EXPIRE follows it. */
  readonly expires: boolean
}

/** An entry the commands read back, and the source and market every quote on it belongs to. */
export interface EntryRead {
  readonly key: string
  readonly source: DataSource
  readonly market: Market
}

const fixtureOf = (p: Placed): Fixture => {
  const { away, country, home, kickoff, league } = p.quote.listing
  return {
    key: p.fixtureKey,
    home,
    away,
    kickoff,
    ...(league === undefined ? {} : { league }),
    ...(country === undefined ? {} : { country })
  }
}

/**
 * HSET (+ EXPIRE when `expireDue` says so) of every entry the batch touched, then HMGET of the same entries'
 * marks, in that order. `writer` identifies the batch (see writerField). `written` pairs each mark written
 * with what it encodes.
 */
export const entryCommands = (
  placed: ReadonlyArray<Placed>,
  writer: string,
  ttlSeconds: number,
  expireDue: (key: string) => boolean
) => {
  const byEntry = new Map<string, { fields: Record<string, string>; last: Placed }>()
  const written: Array<readonly [value: string, mark: Mark]> = []
  for (const p of placed) {
    const mark: Mark = [p.quote.fetchedAt, p.job.stream_date, p.jobId]
    const markValue = JSON.stringify(mark)
    written.push([markValue, mark])
    let entry = byEntry.get(p.entryKey)
    if (entry === undefined) byEntry.set(p.entryKey, entry = { fields: {}, last: p })
    entry.fields[p.quote.bookmaker] = JSON.stringify(storedOf(p))
    entry.fields[markField(p.quote.bookmaker)] = markValue
    entry.fields[writerField(p.job.stream_date)] = writer
    entry.last = p
  }
  const commands: Array<Command> = []
  const writes: Array<EntryWrite> = []
  const reads: Array<EntryRead> = []
  for (const [key, { fields, last }] of byEntry) {
    fields[fixtureField] = JSON.stringify(fixtureOf(last))
    const expires = expireDue(key)
    writes.push({ key, at: commands.length, fields: Object.keys(fields).length, expires })
    commands.push({ op: "hset", key, fields })
    if (expires) commands.push({ op: "expire", key, seconds: ttlSeconds })
    reads.push({ key, source: last.quote.source, market: last.quote.market })
  }
  const readsFrom = commands.length
  for (const { key } of reads) commands.push({ op: "hmget", key, fields: markFields })
  return { reads, commands, readsFrom, writes, written }
}

/**
 * Reads the marks stored on entries. A mark is read back by every batch that touches its entry until its
 * bookmaker's next quote replaces it, so decoded marks are kept by value (see byValue.ts; a mark is
 * ~80 bytes, one over 512 is not the worker's), and the marks this process writes are remembered as written
 * (`remember`) instead of being decoded when they come back.
 */
export const makeStoredReader = (maxCached = 16_384) => {
  const marks = byValue((value): Mark | null => {
    const decoded = decodeMark(value)
    return Result.isSuccess(decoded) ? decoded.success : null // null: does not decode
  }, { maxEntries: maxCached, maxLength: 512 })
  return {
    remember: (written: ReadonlyArray<readonly [value: string, mark: Mark]>) => {
      for (const [value, mark] of written) marks.keep(value, mark)
    },
    /**
     * The quotes stored on an entry, from its HMGET reply (one value per bookmaker, in `bookmakers` order); a
     * mark that does not decode is skipped and named in `invalid`.
     */
    read: (entry: EntryRead, values: ReadonlyArray<string | null>) => {
      const observations: Array<Observation> = []
      const invalid: Array<string> = []
      for (let i = 0; i < bookmakers.length; i++) {
        const value = values[i]
        if (value === null || value === undefined) continue
        const mark = marks.get(value)
        if (mark === null) {
          invalid.push(markFields[i]!)
          continue
        }
        const [fetchedAt, streamDate, jobId] = mark
        observations.push({ entryKey: entry.key, source: entry.source, market: entry.market, streamDate, bookmaker: bookmakers[i]!, fetchedAt, jobId })
      }
      return { observations, invalid }
    }
  }
}
