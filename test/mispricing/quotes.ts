// Builders shared by the pricing tests.
import type { Market, Outcome } from "../../src/domain/Market.ts"
import type { PricingQuote } from "../../src/mispricing/book.ts"
import type { Arbitrage, Opportunity, Value } from "../../src/mispricing/Opportunity.ts"
import { defaultSettings, type Settings } from "../../src/mispricing/Settings.ts"

export const now = Date.parse("2025-05-01T12:00:00Z")

export const quote = (
  bookmaker: string,
  market: Market,
  outcome: Outcome,
  price: number,
  options: { readonly age?: number; readonly suspended?: boolean } = {}
): PricingQuote => ({
  bookmaker,
  market,
  outcome,
  price,
  fetchedAt: now - (options.age ?? 0),
  ...(options.suspended === undefined ? {} : { suspended: options.suspended })
})

/** One bookmaker's prices on one market, fetched now. */
export const quotesOf = (bookmaker: string, market: Market, prices: Partial<Record<Outcome, number>>): Array<PricingQuote> =>
  Object.entries(prices).map(([outcome, price]) => quote(bookmaker, market, outcome as Outcome, price))

export const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...overrides })

export const arbitrages = (os: ReadonlyArray<Opportunity>): Array<Arbitrage> =>
  os.flatMap((o) => (o.kind === "arbitrage" ? [o] : []))

export const values = (os: ReadonlyArray<Opportunity>): Array<Value> =>
  os.flatMap((o) => (o.kind === "value" ? [o] : []))

/** `bookmaker outcome price stake` per leg, for compact assertions. */
export const legsOf = (o: Opportunity): Array<string> =>
  o.legs.map((l) => `${l.bookmaker} ${l.outcome} ${l.price} ${l.stake}`)
