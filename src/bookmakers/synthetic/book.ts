// The synthetic book: which fixtures each job covers, their fixed listings and prices. Pure, no I/O, a
// function of the job's fields (plus the fetch time) only, so capacity planning can predict the outcome.
//
// Coverage: the jobs of one group (data_source, extractor_type, stream_date) share a pool of
// S + 3 fixtures. The bookmaker at index b of `bookmakers` quotes fixtures b … b+S−1, so with all four
// bookmakers and S = 5 the fixtures are quoted by 1, 2, 3, 4, 4, 3, 2, 1 bookmakers: most by several,
// the two ends by one only.
import { type Bookmaker, bookmakers, type DataSource, type Market, type Outcome } from "../../domain/Market.ts"
import type { Listing, OutcomePrice, Quote } from "../../domain/Quote.ts"

/** Everything a synthetic quote depends on: the job's fields with the bookmaker made canonical. */
export interface SyntheticJob {
  readonly bookmaker: Bookmaker
  readonly market: Market
  readonly source: DataSource
  readonly streamDate: string
}

export const poolSize = (fixturesPerJob: number) => fixturesPerJob + bookmakers.length - 1

/** Indices (in the group's pool) of the fixtures a bookmaker quotes. */
export const fixturesOf = (bookmaker: Bookmaker, fixturesPerJob: number): ReadonlyArray<number> => {
  const first = bookmakers.indexOf(bookmaker)
  return Array.from({ length: fixturesPerJob }, (_, i) => first + i)
}

/** Whether a bookmaker quotes fixture `index` of a group's pool. */
export const quotes = (bookmaker: Bookmaker, index: number, fixturesPerJob: number): boolean => {
  const first = bookmakers.indexOf(bookmaker)
  return index >= first && index < first + fixturesPerJob
}

/** A fixture's identity: the same for every market and bookmaker, so cross-market pricing sees one fixture. */
export const fixtureId = (source: DataSource, streamDate: string, index: number) => `syn:${source}:${streamDate}:${index}`

// FNV-1a: a cheap, stable string hash; the names and prices only need to look unrelated.
const hash = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

const consonants = "bdfgklmnprstvz"
const vowels = "aeiou"
// Three consonant–vowel syllables, capitalised: random-looking words, far apart for any two fixtures,
// with no club affix (FC, II, U21 …) for the resolver to strip.
const word = (h: number): string => {
  let w = ""
  for (let i = 0; i < 3; i++) {
    w += consonants[h % consonants.length]! + vowels[Math.floor(h / consonants.length) % vowels.length]!
    h = Math.floor(h / (consonants.length * vowels.length))
  }
  return w[0]!.toUpperCase() + w.slice(1)
}
const team = (id: string, side: string) => `${word(hash(`${id}/${side}/1`))} ${word(hash(`${id}/${side}/2`))}`

// Kickoffs spread over ten years on a 5-minute grid, so fixtures rarely share a resolver's time window.
const epochMs = Date.UTC(2030, 0, 1)
const kickoffSlots = 10 * 365 * 24 * 12

/** The listing every bookmaker uses for this fixture: identical names, so resolution is trivial. */
export const listingOf = (id: string): Listing => ({
  home: team(id, "home"),
  away: team(id, "away"),
  kickoff: new Date(epochMs + (hash(`${id}/kickoff`) % kickoffSlots) * 300_000).toISOString(),
  league: "Synthetic League",
  country: "Synthetica"
})

// Fair probabilities of the fixture, then each bookmaker's own margin (3 % … 6.75 %).
const unit = (id: string, what: string) => hash(`${id}/${what}`) / 0x1_0000_0000
const margin = (bookmaker: Bookmaker) => 0.03 + 0.0125 * bookmakers.indexOf(bookmaker)
const price = (p: number, m: number) => Math.max(1.01, Math.round(100 / (p * (1 + m))) / 100)

const fairProbabilities = (id: string, market: Market): ReadonlyArray<readonly [Outcome, number]> => {
  if (market === "btts") {
    const yes = 0.4 + 0.25 * unit(id, "btts")
    return [["yes", yes], ["no", 1 - yes]]
  }
  const home = 0.25 + 0.35 * unit(id, "home")
  const draw = 0.2 + 0.1 * unit(id, "draw")
  const away = 1 - home - draw
  return market === "three_way"
    ? [["home", home], ["draw", draw], ["away", away]]
    : [["1X", home + draw], ["12", home + away], ["X2", draw + away]]
}

const pricesOf = (id: string, job: SyntheticJob): ReadonlyArray<OutcomePrice> =>
  fairProbabilities(id, job.market).map(([outcome, p]) => ({ outcome, price: price(p, margin(job.bookmaker)) }))

const liveState = (id: string) => {
  const h = hash(`${id}/live`)
  return { minute: 1 + (h % 90), homeScore: (h >>> 8) % 4, awayScore: (h >>> 12) % 4 }
}

/** The quotes one job yields: S fixtures of its group, fetched at `fetchedAt`. */
export const syntheticQuotes = (job: SyntheticJob, fixturesPerJob: number, fetchedAt: string): ReadonlyArray<Quote> =>
  fixturesOf(job.bookmaker, fixturesPerJob).map((index) => {
    const id = fixtureId(job.source, job.streamDate, index)
    const quote: Quote = {
      bookmaker: job.bookmaker,
      market: job.market,
      source: job.source,
      eventId: `${id}:${job.bookmaker}`,
      listing: listingOf(id),
      prices: pricesOf(id, job),
      fetchedAt
    }
    return job.source === "live" ? { ...quote, live: liveState(id) } : quote
  })
