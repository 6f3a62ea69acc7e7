// How many entries a run of synthetic jobs must match: computable from the jobs alone, whatever the
// batching, ordering or number of workers, because the fold counts stored quotes as well as the batch's.
import { canonicalBookmaker, type Bookmaker, type DataSource, type Market } from "../../domain/Market.ts"
import { poolSize, quotes } from "./book.ts"

export interface JobLike {
  readonly bookmaker: string
  readonly extractor_type: Market
  readonly data_source: DataSource
  readonly stream_date: string
}

/** Distinct bookmakers needed per market for an entry to be matched (MATCH_MIN_BTTS / MATCH_MIN). */
export type Thresholds = { readonly [M in Market]: number }

/**
 * The number of distinct entries that reach their market's threshold, i.e. the distinct `data_key`s the
 * matched streams must carry once every job is processed (all quotes fresh). Unknown bookmakers quote nothing.
 */
export const expectedMatches = (jobs: Iterable<JobLike>, thresholds: Thresholds, fixturesPerJob: number): number => {
  const groups = new Map<string, { readonly market: Market; readonly books: Set<Bookmaker> }>()
  for (const job of jobs) {
    const bookmaker = canonicalBookmaker(job.bookmaker)
    if (bookmaker === undefined) continue
    const key = `${job.data_source}\u0000${job.extractor_type}\u0000${job.stream_date.trim()}`
    let group = groups.get(key)
    if (group === undefined) groups.set(key, group = { market: job.extractor_type, books: new Set() })
    group.books.add(bookmaker)
  }
  let matched = 0
  for (const { market, books } of groups.values()) {
    for (let index = 0; index < poolSize(fixturesPerJob); index++) {
      let n = 0
      for (const b of books) if (quotes(b, index, fixturesPerJob)) n++
      if (n >= thresholds[market]) matched++
    }
  }
  return matched
}
