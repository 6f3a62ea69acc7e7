// Pricing a batch of quotes over many fixtures, as the `price` command and replays of recordings need.
import { type PricingQuote, toMillis } from "./book.ts"
import { type FixturePricing, priceFixture } from "./priceFixture.ts"
import type { Settings } from "./Settings.ts"

export interface FixtureQuote extends PricingQuote {
  readonly fixture: string
}

/** The newest fetch time among `quotes` (epoch ms); undefined when there is none. */
export const newestFetch = (quotes: Iterable<PricingQuote>): number | undefined => {
  let newest: number | undefined
  for (const q of quotes) {
    const at = toMillis(q.fetchedAt)
    if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at
  }
  return newest
}

/**
 * Prices each fixture of `quotes`, in order of first appearance, at `now` — by default the newest fetch time
 * in the batch, so that a recording is judged as it was when recorded.
 */
export const priceQuotes = (
  quotes: ReadonlyArray<FixtureQuote>,
  settings: Settings,
  now: number | undefined = newestFetch(quotes)
): Array<FixturePricing> => {
  const byFixture = new Map<string, Array<FixtureQuote>>()
  for (const q of quotes) {
    const group = byFixture.get(q.fixture)
    if (group) group.push(q)
    else byFixture.set(q.fixture, [q])
  }
  return [...byFixture].map(([fixture, group]) => priceFixture(fixture, group, settings, now ?? 0))
}
