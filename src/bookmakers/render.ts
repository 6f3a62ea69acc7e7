// Helpers the simulated APIs share to render a BookView: reading their own codes back, and listing the
// prices an event offers for a market.
import { type Market, markets, type Outcome, outcomesOf } from "../domain/Market.ts"
import type { BookEvent } from "../simulator/World.ts"

/** The market whose code is `code` in a bookmaker's table, if any. */
export const marketOfCode = (codes: { readonly [M in Market]: string | number }, code: string | null): Market | undefined =>
  markets.find((m) => String(codes[m]) === code)

/** The outcomes of `market` the event prices (null = suspended), in canonical order; undefined if not offered. */
export const offered = (
  event: BookEvent,
  market: Market
): ReadonlyArray<readonly [Outcome, number | null]> | undefined => {
  const prices = event.markets[market]
  if (prices === undefined) return undefined
  return outcomesOf[market].flatMap((o) => {
    const price = prices[o]
    return price === undefined ? [] : [[o, price] as const]
  })
}

/** A whole UTC day offset of `date` from `now`'s day (0 = same day). */
export const dayOffset = (date: string, now: Date): number | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (!Number.isFinite(ms)) return undefined
  return Math.round((ms - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000)
}

/** The UTC date `offset` days after `now`'s day, as YYYY-MM-DD. */
export const dateAt = (offset: number, now: Date): string =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10)
