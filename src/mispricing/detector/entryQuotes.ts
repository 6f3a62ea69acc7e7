// A fixture's entry hashes (one per market, written by the worker) decoded into what pricing takes in.
// Every bookmaker field is decoded with Schema; a field that does not decode, or whose quote belongs to
// another bookmaker or market, is skipped and counted rather than trusted.
import { Result, Schema } from "effect"
import { canonicalBookmaker, type Market } from "../../domain/Market.ts"
import { type Quote, QuoteJson } from "../../domain/Quote.ts"
import type { Fields } from "../../redis/RedisStore.ts"
import type { PricingQuote } from "../book.ts"

/** Entry-hash fields that are not a bookmaker's quote. */
const metaFields = new Set(["fixture", "bookie_updated"])

export interface FixtureQuotes {
  readonly quotes: ReadonlyArray<PricingQuote>
  /** `Home v Away` as the first bookmaker (by name) lists it; undefined without any quote. */
  readonly name: string | undefined
  /** Bookmaker fields skipped because they did not decode or did not match their entry. */
  readonly invalid: number
}

const decodeQuote = Schema.decodeUnknownResult(QuoteJson)

/**
 * Quotes of one fixture from its entries, market by market. A suspended outcome (price null) is left out:
 * nothing can be bet on it, and it has no price to weigh.
 */
export const fixtureQuotes = (entries: ReadonlyArray<readonly [Market, Fields]>): FixtureQuotes => {
  const decoded: Array<Quote> = []
  let invalid = 0
  for (const [market, fields] of entries) {
    for (const [field, value] of Object.entries(fields)) {
      if (metaFields.has(field)) continue
      const quote = Result.getOrUndefined(decodeQuote(value))
      if (quote === undefined || quote.market !== market || canonicalBookmaker(field) !== quote.bookmaker) invalid++
      else decoded.push(quote)
    }
  }
  decoded.sort((a, b) => (a.bookmaker < b.bookmaker ? -1 : a.bookmaker > b.bookmaker ? 1 : 0))
  const first = decoded[0]?.listing
  return {
    quotes: decoded.flatMap((q) =>
      q.prices.flatMap(({ outcome, price }) =>
        price === null ? [] : [{ bookmaker: q.bookmaker, market: q.market, outcome, price, fetchedAt: q.fetchedAt }]
      )
    ),
    name: first === undefined ? undefined : `${first.home} v ${first.away}`,
    invalid
  }
}
