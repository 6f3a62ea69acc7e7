// The same-run reference: the least a consumer must do per job on Redis, in a minimal ioredis loop.
// Per read of up to 100 jobs: XREADGROUP; one pipeline writing every quote to its entry hash and reading
// the touched entries back (HGETALL, to count distinct fresh bookmakers as the worker's fold does); one
// pipeline setting bookie_updated + XADD for matched entries and XACK. Two round trips per 100 jobs.
// Started by the benchmark as a child process; quotes come from the same synthetic book as the worker's.
import { Config, Effect } from "effect"
import { Redis } from "ioredis"
import { syntheticQuotes } from "../src/bookmakers/synthetic/book.ts"
import { SyntheticConfig } from "../src/bookmakers/synthetic/layer.ts"
import { type Bookmaker, canonicalBookmaker, type DataSource, type Market } from "../src/domain/Market.ts"
import { entryKey, matchedStream } from "../src/redis/keys.ts"
import { fieldsOf } from "./lib/streams.ts"

const config = Effect.runSync(Config.all({
  url: Config.String("REDIS_URL"),
  stream: Config.String("STREAM"),
  group: Config.String("XTR_GROUP"),
  fixtures: SyntheticConfig,
  matchMinBtts: Config.Int("MATCH_MIN_BTTS"),
  matchMin: Config.Int("MATCH_MIN"),
  freshnessMs: Config.Int("REFERENCE_FRESHNESS_MS").pipe(Config.withDefault(120_000))
}))

const reader = new Redis(config.url) // XREADGROUP BLOCK gets a connection of its own
const writer = new Redis(config.url)
const consumer = `reference-${process.pid}`

interface Touched {
  readonly source: DataSource
  readonly market: Market
  readonly streamDate: string
}

let running = true
process.on("SIGTERM", () => (running = false))

while (running) {
  const reply = (await reader.xreadgroup("GROUP", config.group, consumer, "COUNT", 100, "BLOCK", 200, "STREAMS", config.stream, ">")) as
    | Array<[string, Array<[string, Array<string>]>]>
    | null
  const entries = reply?.[0]?.[1] ?? []
  if (entries.length === 0) continue
  const now = Date.now()
  const fetchedAt = new Date(now).toISOString()
  const touched = new Map<string, Touched>()
  const write = writer.pipeline()
  for (const [, flat] of entries) {
    const job = fieldsOf(flat)
    const bookmaker = canonicalBookmaker(job["bookmaker"] ?? "")
    if (bookmaker === undefined) continue
    const t = { source: job["data_source"] as DataSource, market: job["extractor_type"] as Market, streamDate: job["stream_date"]! }
    for (const quote of syntheticQuotes({ bookmaker, ...t }, config.fixtures, fetchedAt)) {
      const key = entryKey(t.source, t.market, `${quote.listing.home}|${quote.listing.away}|${quote.listing.kickoff}`)
      write.hset(key, bookmaker, JSON.stringify(quote), "fixture", JSON.stringify(quote.listing))
      touched.set(key, t)
    }
  }
  for (const key of touched.keys()) write.hgetall(key)
  const replies = (await write.exec()) ?? []
  const stored = replies.slice(replies.length - touched.size)

  const publish = writer.pipeline()
  let i = 0
  for (const [key, t] of touched) {
    const hash = (stored[i++]?.[1] ?? {}) as Record<string, string>
    const fresh: Array<Bookmaker> = []
    for (const [field, value] of Object.entries(hash)) {
      const bookmaker = canonicalBookmaker(field)
      if (bookmaker !== undefined && now - Date.parse((JSON.parse(value) as { fetchedAt: string }).fetchedAt) <= config.freshnessMs) {
        fresh.push(bookmaker)
      }
    }
    if (fresh.length < (t.market === "btts" ? config.matchMinBtts : config.matchMin)) continue
    publish.hset(key, "bookie_updated", fetchedAt)
    publish.xadd(matchedStream(t.source, t.market), "*", "data_key", key, "bookmakers", fresh.sort().join(","), "stream_date", t.streamDate)
  }
  publish.xack(config.stream, config.group, ...entries.map(([id]) => id))
  await publish.exec()
}

reader.disconnect()
await writer.quit()
