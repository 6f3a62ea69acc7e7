// Building canonical quotes from what a bookmaker's payload said, the same way for every bookmaker.
import { Result } from "effect"
import type { Bookmaker, DataSource, Market, Outcome } from "../domain/Market.ts"
import { outcomesOf } from "../domain/Market.ts"
import type { Listing, OutcomePrice, Quote } from "../domain/Quote.ts"

/** A bookmaker's own code for each canonical outcome ("Home or Draw", "HD", "1X" …), one per outcome. */
export type OutcomeCodes = { readonly [O in Outcome]: string }

/** The job a payload was fetched for, and when. */
export interface QuoteContext {
  readonly bookmaker: Bookmaker
  readonly market: Market
  readonly source: DataSource
  readonly fetchedAt: string
}

/** A selection as most feeds list it: the bookmaker's code, and its price or null when suspended. */
export interface Selection {
  readonly code: string
  readonly price: number | null
}

/**
 * The price of every outcome of `market`, read from `selections` by the bookmaker's `codes`; selections
 * with codes not of this market are ignored. Fails with a reason when an outcome is missing.
 */
export const pricesFor = (
  market: Market,
  codes: OutcomeCodes,
  selections: ReadonlyArray<Selection>
): Result.Result<ReadonlyArray<OutcomePrice>, string> => {
  const prices: Array<OutcomePrice> = []
  for (const outcome of outcomesOf[market]) {
    const selection = selections.find((s) => s.code === codes[outcome])
    if (selection === undefined) return Result.fail(`no price for outcome ${codes[outcome]}`)
    prices.push({ outcome, price: selection.price })
  }
  return Result.succeed(prices)
}

export interface QuoteFields {
  readonly eventId: string
  readonly listing: Listing
  readonly selections: ReadonlyArray<Selection>
  readonly live?: { readonly minute: number; readonly homeScore: number; readonly awayScore: number } | undefined
}

export const quoteOf = (ctx: QuoteContext, codes: OutcomeCodes, fields: QuoteFields): Result.Result<Quote, string> =>
  Result.map(pricesFor(ctx.market, codes, fields.selections), (prices) => ({
    bookmaker: ctx.bookmaker,
    market: ctx.market,
    source: ctx.source,
    eventId: fields.eventId,
    listing: fields.listing,
    prices,
    fetchedAt: ctx.fetchedAt,
    ...(fields.live === undefined ? {} : { live: fields.live })
  }))
