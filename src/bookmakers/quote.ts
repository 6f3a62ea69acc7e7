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

/**
 * A bookmaker's price for one of its own codes among an event's `prices` (its selections, as its payload
 * lists them): null when suspended, undefined when the event lists no such selection. One function per
 * bookmaker, given the event's prices, rather than a closure over them made for every event.
 */
export type PriceOf<P> = (prices: P, code: string) => number | null | undefined

export interface LiveFields {
  readonly minute: number
  readonly homeScore: number
  readonly awayScore: number
}

/** The live state of a feed that gives the score as home and away goals. */
export const liveState = (minute: number, score: { readonly home: number; readonly away: number }): LiveFields => ({
  minute,
  homeScore: score.home,
  awayScore: score.away
})

export interface QuoteFields<P> {
  readonly eventId: string
  readonly listing: Listing
  readonly prices: P
  readonly live?: LiveFields | undefined
}

/** The quote of one event: the price of every outcome of the market, read by the bookmaker's `codes`; fails with a reason when an outcome is missing. */
export const quoteOf = <P>(
  ctx: QuoteContext,
  codes: OutcomeCodes,
  priceOf: PriceOf<P>,
  fields: QuoteFields<P>
): Result.Result<Quote, string> => {
  const outcomes = outcomesOf[ctx.market]
  const prices = new Array<OutcomePrice>(outcomes.length)
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i]!
    const price = priceOf(fields.prices, codes[outcome])
    if (price === undefined) return Result.fail(`no price for outcome ${codes[outcome]}`)
    prices[i] = { outcome, price }
  }
  const quote = {
    bookmaker: ctx.bookmaker,
    market: ctx.market,
    source: ctx.source,
    eventId: fields.eventId,
    listing: fields.listing,
    prices,
    fetchedAt: ctx.fetchedAt
  }
  return Result.succeed(fields.live === undefined ? quote : { ...quote, live: fields.live })
}
