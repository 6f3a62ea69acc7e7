// BookieAlpha payload → canonical quotes. Pure; one bad event is skipped with its path.
import { Result } from "effect"
import { collectEach, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf, type Selection } from "../quote.ts"
import { AlphaEvent, type AlphaEventsPage, alphaMarketCodes, alphaOutcomes } from "./wire.ts"

const toQuote = (ctx: QuoteContext) => (event: AlphaEvent) => {
  const code = alphaMarketCodes[ctx.market]
  const market = event.markets.find((m) => m.type === code)
  if (market === undefined) return Result.fail(`no ${code} market`)
  return quoteOf(ctx, alphaOutcomes, {
    eventId: event.id,
    listing: {
      home: event.home_team,
      away: event.away_team,
      kickoff: event.start_time,
      league: event.competition.name,
      country: event.competition.country
    },
    // A selection that is neither suspended nor priced is left out, so its outcome counts as missing.
    selections: market.selections.flatMap((s): Array<Selection> =>
      s.suspended ? [{ code: s.name, price: null }] : s.odds === undefined ? [] : [{ code: s.name, price: s.odds }]
    ),
    live: event.in_play === null
      ? undefined
      : { minute: event.in_play.minute, homeScore: event.in_play.score.home, awayScore: event.in_play.score.away }
  })
}

export const normaliseAlpha = (page: AlphaEventsPage, ctx: QuoteContext): Normalised =>
  collectEach(page.data, ["data"], AlphaEvent, toQuote(ctx))
