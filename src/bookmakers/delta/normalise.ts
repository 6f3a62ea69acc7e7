// BookieDelta payloads → canonical quotes. Pure; one bad id or event is skipped with its path.
import { Result } from "effect"
import { readScore, readSpaceSeparatedUtc, SafeId } from "../codecs.ts"
import { type Collected, eachItem, type Normalised } from "../payload.ts"
import { liveState, type PriceOf, type QuoteContext, quoteOf } from "../quote.ts"
import { DeltaEvent, type DeltaIdList, type DeltaMarketsPage, deltaOutcomes, readDeltaPrice } from "./wire.ts"

const ids = eachItem(SafeId, ["ids"])
const events = eachItem(DeltaEvent, ["events"])

export const deltaIds = (list: DeltaIdList): Collected<string> => ids(list.ids, Result.succeed)

const priceOf: PriceOf<DeltaEvent["odds"]> = (odds, code) => {
  for (const o of odds) if (o.c === code) return readDeltaPrice(o.v)
  return undefined
}

const toQuote = (ctx: QuoteContext) => (event: DeltaEvent) =>
  quoteOf(ctx, deltaOutcomes, priceOf, {
    eventId: event.id,
    listing: { home: event.t1, away: event.t2, kickoff: readSpaceSeparatedUtc(event.ko), league: event.lg, country: event.cn },
    prices: event.odds,
    live: event.st === undefined ? undefined : liveState(event.st.min, readScore(event.st.sc))
  })

export const normaliseDelta = (page: DeltaMarketsPage, ctx: QuoteContext): Normalised => events(page.events, toQuote(ctx))
