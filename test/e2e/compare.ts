// Compares what the workers left in Redis for one job stream with what the ground truth expects, and names
// every difference by the fixtures' and the bookmakers' own team names. Each stored quote is traced to its
// truth fixture through its (bookmaker, event id).
import type { Bookmaker } from "../../src/domain/Market.ts"
import type { GroundTruth, TruthFixture } from "../../src/simulator/Truth.ts"
import { fixtureOfEvent } from "../support/truthEvents.ts"
import type { Listed } from "./expected.ts"

/** One entry hash as stored: its bookmakers' quotes, and whether the worker matched it (`bookie_updated`). */
export interface StoredEntry {
  readonly key: string
  readonly matched: boolean
  readonly quotes: ReadonlyArray<{ readonly bookmaker: Bookmaker; readonly eventId: string; readonly home: string; readonly away: string }>
  /** Bookmaker fields that do not decode as a stored quote. */
  readonly invalid: ReadonlyArray<string>
}

export interface Comparison {
  readonly expected: number
  /** Truth fixtures with a matched entry. */
  readonly matched: number
  readonly entries: number
  /** Expected fixtures without a matched entry. */
  readonly misses: ReadonlyArray<string>
  /** Matched fixtures below the threshold. */
  readonly unexpected: ReadonlyArray<string>
  /** Entries whose quotes are not all of one truth fixture (or not traceable, or undecodable). */
  readonly falseJoins: ReadonlyArray<string>
  /** Fixtures matched on more than one entry (a split fixture published twice). */
  readonly duplicates: ReadonlyArray<string>
  /** Matched entries lacking a bookmaker that lists the fixture (its quote went elsewhere, or nowhere). */
  readonly incomplete: ReadonlyArray<string>
  /** Matched entries not on the matched stream, and matched-stream keys whose entry is not matched. */
  readonly unpublished: ReadonlyArray<string>
}

export interface CompareInput {
  readonly truth: GroundTruth
  readonly listed: ReadonlyArray<Listed>
  readonly expected: ReadonlySet<string>
  readonly entries: ReadonlyArray<StoredEntry>
  /** `data_key`s of the stream's matched-stream messages. */
  readonly published: ReadonlySet<string>
}

export const compare = ({ entries, expected, listed, published, truth }: CompareInput): Comparison => {
  const fixtureOf = fixtureOfEvent(truth)
  const fixtures = new Map(truth.fixtures.map((f) => [f.fixtureId, f]))
  const name = (id: string | undefined) => {
    const f: TruthFixture | undefined = id === undefined ? undefined : fixtures.get(id)
    return f === undefined ? `${id ?? "?"} (not in the truth)` : `${f.fixtureId} ${f.home} v ${f.away} (${f.league}, ${f.kickoff})`
  }
  /** Where each bookmaker's quote of each event was stored. */
  const entryOfEvent = new Map<string, string>()
  for (const e of entries) for (const q of e.quotes) entryOfEvent.set(`${q.bookmaker}|${q.eventId}`, e.key)
  const listingsOf = (fixtureId: string) => fixtures.get(fixtureId)?.listings ?? []
  const listers = new Map<string, Set<Bookmaker>>()
  for (const l of listed) for (const b of l.bookmakers) listers.set(l.fixtureId, (listers.get(l.fixtureId) ?? new Set()).add(b))
  /** Where the quotes of a fixture's listings went: `BookieBeta "Atl. Madrid v Alaves" → entry:…`. */
  const whereQuotesWent = (fixtureId: string, only?: ReadonlySet<Bookmaker>) =>
    listingsOf(fixtureId).filter((l) => only === undefined || only.has(l.bookmaker)).map((l) =>
      `${l.bookmaker} "${l.home} v ${l.away}" → ${entryOfEvent.get(`${l.bookmaker}|${l.eventId}`) ?? "no quote stored"}`
    ).join("; ")

  const falseJoins: Array<string> = []
  const matchedOn = new Map<string, Array<StoredEntry>>()
  for (const e of entries) {
    const traced = e.quotes.map((q) => ({ q, fixtureId: fixtureOf(q.bookmaker, q.eventId) }))
    const ids = new Set(traced.map((t) => t.fixtureId))
    const [only] = ids
    if (ids.size !== 1 || only === undefined || e.invalid.length > 0) {
      falseJoins.push(
        `${e.key}${e.matched ? " (matched)" : ""}: ` +
          traced.map(({ fixtureId, q }) => `${q.bookmaker} "${q.home} v ${q.away}" is ${name(fixtureId)}`).join("; ") +
          (e.invalid.length > 0 ? `; undecodable fields ${e.invalid.join(", ")}` : "")
      )
      continue
    }
    if (e.matched) matchedOn.set(only, [...(matchedOn.get(only) ?? []), e])
  }

  const misses = [...expected].filter((id) => !matchedOn.has(id)).map((id) =>
    `${name(id)}, listed by ${[...(listers.get(id) ?? [])].join(", ")}: ${whereQuotesWent(id, listers.get(id))}`
  )
  const unexpected = [...matchedOn].filter(([id]) => !expected.has(id)).map(([id, es]) =>
    `${name(id)} matched on ${es.map((e) => `${e.key} [${e.quotes.map((q) => q.bookmaker).join(", ")}]`).join(", ")}; ` +
    `listed by ${[...(listers.get(id) ?? [])].join(", ") || "nobody"} in ${listed.filter((l) => l.fixtureId === id).map((l) => l.period).join(", ") || "no period"}`
  )
  const duplicates = [...matchedOn].filter(([, es]) => es.length > 1).map(([id, es]) =>
    `${name(id)} matched on ${es.length} entries: ${es.map((e) => e.key).join(", ")}`
  )
  const incomplete = [...matchedOn].flatMap(([id, es]) =>
    es.flatMap((e) => {
      const stored = new Set(e.quotes.map((q) => q.bookmaker))
      const lacking = new Set([...(listers.get(id) ?? [])].filter((b) => !stored.has(b)))
      return lacking.size === 0 ? [] : [`${name(id)} on ${e.key} lacks ${[...lacking].join(", ")}: ${whereQuotesWent(id, lacking)}`]
    })
  )
  const matchedKeys = new Set(entries.filter((e) => e.matched).map((e) => e.key))
  const unpublished = [
    ...[...matchedKeys].filter((k) => !published.has(k)).map((k) => `${k} has bookie_updated but is not on the matched stream`),
    ...[...published].filter((k) => !matchedKeys.has(k)).map((k) => `${k} is on the matched stream without bookie_updated`)
  ]
  return {
    expected: expected.size,
    matched: matchedOn.size,
    entries: entries.length,
    misses,
    unexpected,
    falseJoins,
    duplicates,
    incomplete,
    unpublished
  }
}
