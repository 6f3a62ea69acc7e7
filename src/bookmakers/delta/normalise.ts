// BookieDelta payloads → canonical quotes. Pure; one bad id or event is skipped with its path.
import { Result } from "effect"
import { SafeId } from "../codecs.ts"
import { type Collected, collectEach, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf } from "../quote.ts"
import { DeltaEvent, type DeltaIdList, type DeltaMarketsPage, deltaOutcomes } from "./wire.ts"

export const deltaIds = (list: DeltaIdList): Collected<string> => collectEach(list.ids, ["ids"], SafeId, Result.succeed)

const toQuote = (ctx: QuoteContext) => (event: DeltaEvent) =>
  quoteOf(ctx, deltaOutcomes, {
    eventId: event.id,
    listing: { home: event.t1, away: event.t2, kickoff: event.ko, league: event.lg, country: event.cn },
    selections: event.odds.map((o) => ({ code: o.c, price: o.v })),
    live: event.st === undefined ? undefined : { minute: event.st.min, homeScore: event.st.sc.home, awayScore: event.st.sc.away }
  })

export const normaliseDelta = (page: DeltaMarketsPage, ctx: QuoteContext): Normalised =>
  collectEach(page.events, ["events"], DeltaEvent, toQuote(ctx))
