// Pricing one fixture: its book, best prices and margins, and the opportunities that pass the sanity filters,
// with the would-be opportunities each filter turned away counted by reason. Pure: `now` is an argument.
import type { Market, Outcome } from "../domain/Market.ts"
import { arbitrageCandidates } from "./arbitrage.ts"
import {
  bestPrices,
  betOnly,
  type BookQuote,
  type BookRow,
  buildBook,
  type Incumbent,
  type Margin,
  margins,
  type PricingQuote
} from "./book.ts"
import type { Candidate, CandidateGroup } from "./candidate.ts"
import { type Opportunity, returnOf } from "./Opportunity.ts"
import type { Settings } from "./Settings.ts"
import { valueCandidates } from "./value.ts"

export const rejectionReasons = ["stale", "suspended", "spread", "roi_cap"] as const
export type RejectionReason = typeof rejectionReasons[number]
export type Rejections = Record<RejectionReason, number>

export const noRejections = (): Rejections => ({ stale: 0, suspended: 0, spread: 0, roi_cap: 0 })

export interface BestPrice {
  readonly market: Market
  readonly outcome: Outcome
  readonly bookmaker: string
  readonly price: number
  readonly fetchedAt: number
}

export interface FixturePricing {
  readonly fixture: string
  /** Best bettable price per outcome (after commission), outcomes without one left out. */
  readonly best: ReadonlyArray<BestPrice>
  readonly margins: ReadonlyArray<Margin>
  /** Arbitrages then value bets, each by return, highest first. */
  readonly opportunities: ReadonlyArray<Opportunity>
  readonly rejections: Rejections
}

const candidates = (
  fixture: string,
  book: ReadonlyArray<BookRow>,
  best: ReadonlyArray<BookQuote | undefined>,
  settings: Settings
): Array<CandidateGroup> => [
  ...arbitrageCandidates(fixture, best, settings),
  ...valueCandidates(fixture, book, settings)
]

/** Why a candidate of bettable quotes may not be reported; undefined when it may. */
const rejection = (candidate: Candidate, settings: Settings): RejectionReason | undefined => {
  const times = candidate.legs.map((q) => q.fetchedAt)
  if (Math.max(...times) - Math.min(...times) > settings.maxSpreadMs) return "spread"
  if (candidate.ret > settings.roiCap) return "roi_cap"
  return undefined
}

const byReturn = (a: Opportunity, b: Opportunity): number =>
  a.kind === b.kind ? returnOf(b) - returnOf(a) : a.kind === "arbitrage" ? -1 : 1

/**
 * Prices one fixture from its quotes at `now` (epoch ms). Opportunities are found on bettable quotes only
 * (fresh, not suspended); the first alternative of each that passes the spread and ROI-cap filters is
 * reported. A rejection is counted once per opportunity that is not reported: by the filter that turned
 * its best alternative away, or — for one that exists only when stale or suspended quotes are counted
 * too — by the exclusion of one of its legs. `incumbents` (the legs of what is already reported) keep the
 * outcomes they hold while another bookmaker only ties their price.
 */
export const priceFixture = (
  fixture: string,
  quotes: Iterable<PricingQuote>,
  settings: Settings,
  now: number,
  incumbents: ReadonlyArray<Incumbent> = []
): FixturePricing => {
  const book = buildBook(quotes, settings, now)
  const bettable = betOnly(book)
  const best = bestPrices(bettable, incumbents)
  const rejections = noRejections()
  const opportunities: Array<Opportunity> = []
  const seen = new Set<string>()
  for (const group of candidates(fixture, bettable, best, settings)) {
    seen.add(group[0]!.id)
    const passing = group.find((c) => rejection(c, settings) === undefined)
    if (passing) opportunities.push(passing.make())
    else rejections[rejection(group[0]!, settings)!]++
  }
  if (book.some((row) => row.quotes.some((q) => q?.excluded !== undefined))) {
    for (const group of candidates(fixture, book, bestPrices(book), settings)) {
      const excluded = seen.has(group[0]!.id) ? undefined : group.flatMap((c) => c.legs).find((q) => q.excluded)?.excluded
      if (excluded) rejections[excluded]++
    }
  }
  return {
    fixture,
    best: best.flatMap((q) =>
      q === undefined ? [] : [{
        market: q.slot.market,
        outcome: q.slot.outcome,
        bookmaker: q.bookmaker,
        price: q.price,
        fetchedAt: q.fetchedAt
      }]
    ),
    margins: margins(bettable),
    opportunities: opportunities.sort(byReturn),
    rejections
  }
}
