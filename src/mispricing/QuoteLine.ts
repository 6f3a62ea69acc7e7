// The `price` command's text interface: one quote per JSON line in, one opportunity per JSON line out.
import { Result, Schema } from "effect"
import { Market, Outcome, outcomesOf } from "../domain/Market.ts"
import { Price } from "../domain/Quote.ts"
import { toMillis } from "./book.ts"
import type { Opportunity } from "./Opportunity.ts"
import type { FixtureQuote } from "./priceQuotes.ts"

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

const IsoDateTime = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) =>
    (isoDateTime.test(s) && !Number.isNaN(Date.parse(s))) || `Expected an ISO-8601 date-time, got "${s}"`
  ))
)

/** `{"fixture","market","bookmaker","outcome","price","fetched_at"}`, optionally `"suspended": true`. */
export const QuoteLine = Schema.Struct({
  fixture: Schema.NonEmptyString,
  market: Market,
  bookmaker: Schema.NonEmptyString,
  outcome: Outcome,
  price: Price,
  fetched_at: IsoDateTime,
  suspended: Schema.optionalKey(Schema.Boolean)
}).check(Schema.makeFilter((q) =>
  outcomesOf[q.market].includes(q.outcome) ||
  { path: ["outcome"], issue: `"${q.outcome}" is not an outcome of ${q.market} (${outcomesOf[q.market].join(", ")})` }
))
export type QuoteLine = typeof QuoteLine.Type

const decodeLine = Schema.decodeUnknownResult(Schema.fromJsonString(QuoteLine))

/** A line of input as a quote, or the reason it is not one. */
export const parseQuoteLine = (line: string): Result.Result<FixtureQuote, string> =>
  Result.mapBoth(decodeLine(line), {
    onSuccess: (q) => ({
      fixture: q.fixture,
      bookmaker: q.bookmaker,
      market: q.market,
      outcome: q.outcome,
      price: q.price,
      fetchedAt: toMillis(q.fetched_at),
      ...(q.suspended === undefined ? {} : { suspended: q.suspended })
    }),
    onFailure: (e) => e.message.replaceAll("\n", " ")
  })

const isoFetched = <A extends { readonly fetchedAt: number }>({ fetchedAt, ...rest }: A) => ({
  ...rest,
  fetched_at: new Date(fetchedAt).toISOString()
})

/** One opportunity as a JSON line, with leg and reference book times as ISO-8601 like the input. */
export const opportunityLine = (o: Opportunity): string =>
  JSON.stringify({
    ...o,
    legs: o.legs.map(isoFetched),
    ...(o.kind === "value" && o.referenceBooks !== undefined ? { referenceBooks: o.referenceBooks.map(isoFetched) } : {})
  })
