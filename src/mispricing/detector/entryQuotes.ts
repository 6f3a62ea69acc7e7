// A fixture's entry hashes (one per market, written by the worker) decoded into what pricing takes in.
// Every field is decoded with the worker's own Schemas; a bookmaker field that does not decode, or whose
// quote belongs to another bookmaker or market, is skipped and counted rather than trusted.
import { Result, Schema } from "effect"
import { byValue } from "../../domain/byValue.ts"
import { Bookmaker, type Market } from "../../domain/Market.ts"
import { Fixture, fixtureField, type StoredQuote, StoredQuoteJson } from "../../pipeline/entryHash.ts"
import type { Fields } from "../../redis/RedisStore.ts"
import type { PricingQuote } from "../book.ts"

export interface FixtureQuotes {
  readonly quotes: ReadonlyArray<PricingQuote>
  /** `Home v Away` from the entries' `fixture` field; undefined when none decodes. */
  readonly name: string | undefined
  /** Each quoting bookmaker's own event id, to trace an opportunity back to the bookmakers' listings. */
  readonly events: Readonly<Record<string, string>>
  /** Bookmaker fields skipped because they did not decode or did not match their entry. */
  readonly invalid: number
}

const decodeStoredQuote = Schema.decodeUnknownResult(StoredQuoteJson)
const decodeFixture = Schema.decodeUnknownResult(Schema.fromJsonString(Fixture))
// A fixture is re-priced whenever one of its entries changes, and each time its other fields are read back
// unchanged: kept by value, each is decoded once per write. 16,384 quotes cover the latest of ~1,300
// fixtures × 3 markets × 4 bookmakers; with synthetic quotes (449 characters of JSON) they hold 23 MB.
const storedQuotes = byValue((value) => Result.getOrNull(decodeStoredQuote(value)), { maxEntries: 16_384, maxLength: 4096 })
const fixtures = byValue((value) => Result.getOrNull(decodeFixture(value)), { maxEntries: 4096, maxLength: 1024 })
const isBookmaker = Schema.is(Bookmaker)

/**
 * Quotes of one fixture from its entries, market by market. A suspended outcome (price null) is left out:
 * nothing can be bet on it, and it has no price to weigh.
 */
export const fixtureQuotes = (entries: ReadonlyArray<readonly [Market, Fields]>): FixtureQuotes => {
  const decoded: Array<StoredQuote> = []
  let invalid = 0
  let fixture: Fixture | undefined
  for (const [market, fields] of entries) {
    for (const [field, value] of Object.entries(fields)) {
      if (field === fixtureField) fixture ??= fixtures.get(value) ?? undefined
      if (!isBookmaker(field)) continue
      const quote = storedQuotes.get(value)
      if (quote === null || quote.market !== market || quote.bookmaker !== field) invalid++
      else decoded.push(quote)
    }
  }
  return {
    events: Object.fromEntries(decoded.map((q) => [q.bookmaker, q.eventId])),
    quotes: decoded.flatMap((q) =>
      q.prices.flatMap(({ outcome, price }) =>
        price === null ? [] : [{ bookmaker: q.bookmaker, market: q.market, outcome, price, fetchedAt: q.fetchedAt }]
      )
    ),
    name: fixture === undefined ? undefined : `${fixture.home} v ${fixture.away}`,
    invalid
  }
}
