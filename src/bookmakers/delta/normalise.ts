// BookieDelta payloads → canonical quotes. Pure; one bad id or event is skipped with its path.
import { Result } from "effect"
import { readScore, readSpaceSeparatedUtc, SafeId } from "../codecs.ts"
import { type Collected, eachItem, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf } from "../quote.ts"
import { DeltaEvent, type DeltaIdList, type DeltaMarketsPage, deltaOutcomes, readDeltaPrice } from "./wire.ts"

const ids = eachItem(SafeId, ["ids"])
const events = eachItem(DeltaEvent, ["events"])

export const deltaIds = (list: DeltaIdList): Collected<string> => ids(list.ids, Result.succeed)

const toQuote = (ctx: QuoteContext) => (event: DeltaEvent) => {
  const score = event.st === undefined ? undefined : readScore(event.st.sc)
  return quoteOf(ctx, deltaOutcomes, {
    eventId: event.id,
    listing: { home: event.t1, away: event.t2, kickoff: readSpaceSeparatedUtc(event.ko), league: event.lg, country: event.cn },
    selections: event.odds.map((o) => ({ code: o.c, price: readDeltaPrice(o.v) })),
    live: event.st === undefined || score === undefined ? undefined : { minute: event.st.min, homeScore: score.home, awayScore: score.away }
  })
}

export const normaliseDelta = (page: DeltaMarketsPage, ctx: QuoteContext): Normalised => events(page.events, toQuote(ctx))
