// The canonical quote every extractor returns: one bookmaker's prices for one market of one fixture.
import { Schema } from "effect"
import { Bookmaker, DataSource, Market, Outcome } from "./Market.ts"

/** A fixture as one bookmaker lists it (its own team names and kickoff). */
export const Listing = Schema.Struct({
  home: Schema.String,
  away: Schema.String,
  kickoff: Schema.String, // ISO-8601 UTC
  league: Schema.optionalKey(Schema.String),
  country: Schema.optionalKey(Schema.String)
})
export type Listing = typeof Listing.Type

export const Price = Schema.Finite.pipe(Schema.check(Schema.isGreaterThan(1)))

/** `price: null` marks a suspended outcome: listed, but not bettable now. */
export const OutcomePrice = Schema.Struct({ outcome: Outcome, price: Schema.NullOr(Price) })
export type OutcomePrice = typeof OutcomePrice.Type

export const LiveState = Schema.Struct({
  minute: Schema.Int,
  homeScore: Schema.Int,
  awayScore: Schema.Int
})

export const Quote = Schema.Struct({
  bookmaker: Bookmaker,
  market: Market,
  source: DataSource,
  eventId: Schema.String, // the bookmaker's own id for the event
  listing: Listing,
  prices: Schema.Array(OutcomePrice),
  fetchedAt: Schema.String, // ISO-8601 UTC
  live: Schema.optionalKey(LiveState)
})
export type Quote = typeof Quote.Type

export const QuoteJson = Schema.fromJsonString(Quote)
