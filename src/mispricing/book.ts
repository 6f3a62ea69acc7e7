// One fixture's quotes as pricing sees them: one price per (bookmaker, outcome), marked stale or suspended,
// with its price after commission. Best prices and bookmaker margins are read off this book.
import { type Market, markets, type Outcome } from "../domain/Market.ts"
import { byCodeUnits } from "../domain/order.ts"
import type { Leg } from "./Opportunity.ts"
import { coverage, marketSlots, type Slot, slotOf, slots } from "./outcomes.ts"
import type { Settings } from "./Settings.ts"

/** One bookmaker's decimal price for one outcome of one fixture, as pricing takes it in. */
export interface PricingQuote {
  readonly bookmaker: string
  readonly market: Market
  readonly outcome: Outcome
  /** Decimal price, > 1. */
  readonly price: number
  /** Epoch milliseconds or ISO-8601. */
  readonly fetchedAt: number | string
  readonly suspended?: boolean
}

export type Exclusion = "stale" | "suspended"

export interface BookQuote {
  readonly bookmaker: string
  readonly slot: Slot
  readonly price: number
  /** What a unit stake returns on a win after the bookmaker's commission on net winnings. */
  readonly effective: number
  readonly fetchedAt: number
  /** Why this quote may not be bet on now; undefined when it may. */
  readonly excluded: Exclusion | undefined
}

/** One bookmaker's quotes indexed by slot. */
export interface BookRow {
  readonly bookmaker: string
  readonly quotes: ReadonlyArray<BookQuote | undefined>
}

export const toMillis = (at: number | string): number => (typeof at === "number" ? at : Date.parse(at))

/** Payout per unit stake when `commission` is taken from net winnings: 1 + (price − 1)(1 − c). */
export const effectivePrice = (price: number, commission: number): number => 1 + (price - 1) * (1 - commission)

export const commissionOf = (settings: Settings, bookmaker: string): number =>
  Object.hasOwn(settings.commission, bookmaker) ? settings.commission[bookmaker]! : 0

/**
 * The book of one fixture at `now` (epoch ms): for each (bookmaker, outcome) the most recently fetched quote
 * (a replayed history keeps only its last price), marked stale when older than the freshness limit (or
 * undated) and suspended when flagged. Outcomes that do not belong to their market are ignored. Rows are
 * sorted by bookmaker so that results never depend on input order.
 */
export const buildBook = (quotes: Iterable<PricingQuote>, settings: Settings, now: number): ReadonlyArray<BookRow> => {
  const rows = new Map<string, Array<BookQuote | undefined>>()
  for (const q of quotes) {
    const slot = slotOf(q.market, q.outcome)
    if (slot === undefined) continue
    let row = rows.get(q.bookmaker)
    if (row === undefined) {
      row = new Array<BookQuote | undefined>(slots.length).fill(undefined)
      rows.set(q.bookmaker, row)
    }
    const fetchedAt = toMillis(q.fetchedAt)
    const previous = row[slot.index]
    if (previous !== undefined && fetchedAt < previous.fetchedAt) continue
    row[slot.index] = {
      bookmaker: q.bookmaker,
      slot,
      price: q.price,
      effective: effectivePrice(q.price, commissionOf(settings, q.bookmaker)),
      fetchedAt,
      excluded: q.suspended === true ? "suspended" : !(now - fetchedAt <= settings.freshnessMs) ? "stale" : undefined
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([bookmaker, quotes]) => ({ bookmaker, quotes }))
}

/** The same book without the quotes that may not be bet on. */
export const betOnly = (book: ReadonlyArray<BookRow>): ReadonlyArray<BookRow> =>
  book.map((row) => ({ ...row, quotes: row.quotes.map((q) => (q?.excluded === undefined ? q : undefined)) }))

/** The leg that bets `stake` on a quote of the book. */
export const legOf = (q: BookQuote, stake: number): Leg => ({
  bookmaker: q.bookmaker,
  market: q.slot.market,
  outcome: q.slot.outcome,
  price: q.price,
  stake,
  fetchedAt: q.fetchedAt
})

/** A bookmaker already bet on for an outcome, e.g. a leg of an active opportunity. */
export type Incumbent = Pick<Leg, "bookmaker" | "market" | "outcome">

/**
 * Best price after commission per slot. A tie goes to the incumbent of the slot (the first listed), else to
 * the first bookmaker by name: never to the fresher quote, which would alternate between polls and move an
 * opportunity's leg back and forth with nothing changed.
 */
export const bestPrices = (
  book: ReadonlyArray<BookRow>,
  incumbents: ReadonlyArray<Incumbent> = []
): ReadonlyArray<BookQuote | undefined> => {
  const held = new Array<string | undefined>(slots.length).fill(undefined)
  for (const leg of incumbents) {
    const slot = slotOf(leg.market, leg.outcome)
    if (slot !== undefined) held[slot.index] ??= leg.bookmaker
  }
  return slots.map((slot) => {
    let best: BookQuote | undefined
    for (const row of book) { // rows are in bookmaker order
      const q = row.quotes[slot.index]
      if (
        q !== undefined &&
        (best === undefined || q.effective > best.effective ||
          (q.effective === best.effective && q.bookmaker === held[slot.index]))
      ) best = q
    }
    return best
  })
}

export interface Margin {
  readonly bookmaker: string
  readonly market: Market
  /** Σ 1/price over the market's outcomes, per state covered (÷2 for double chance), minus 1. */
  readonly margin: number
}

/** Each bookmaker's margin on each market it prices completely. */
export const margins = (book: ReadonlyArray<BookRow>): ReadonlyArray<Margin> =>
  book.flatMap((row) =>
    markets.flatMap((market) => {
      const own = marketSlots(market).map((s) => row.quotes[s.index])
      return own.every((q) => q !== undefined)
        ? [{
          bookmaker: row.bookmaker,
          market,
          margin: own.reduce((sum, q) => sum + 1 / q.price, 0) / coverage(market) - 1
        }]
        : []
    })
  )
