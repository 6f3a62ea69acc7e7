// BookieAlpha payload → canonical quotes. Pure; one bad event is skipped with its path.
import { Result } from "effect"
import { readDecimal, readIsoInstant, readScore } from "../codecs.ts"
import { eachItem, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf, type Selection } from "../quote.ts"
import { AlphaEvent, type AlphaEventsPage, alphaMarketCodes, alphaOutcomes } from "./wire.ts"

const events = eachItem(AlphaEvent, ["data"])

const toQuote = (ctx: QuoteContext) => (event: AlphaEvent) => {
  const code = alphaMarketCodes[ctx.market]
  const market = event.markets.find((m) => m.type === code)
  if (market === undefined) return Result.fail(`no ${code} market`)
  const score = event.in_play === null ? undefined : readScore(event.in_play.score)
  return quoteOf(ctx, alphaOutcomes, {
    eventId: event.id,
    listing: {
      home: event.home_team,
      away: event.away_team,
      kickoff: readIsoInstant(event.start_time),
      league: event.competition.name,
      country: event.competition.country
    },
    // A selection that is neither suspended nor priced is left out, so its outcome counts as missing.
    selections: market.selections.flatMap((s): Array<Selection> =>
      s.suspended ? [{ code: s.name, price: null }] : s.odds === undefined ? [] : [{ code: s.name, price: readDecimal(s.odds) }]
    ),
    live: event.in_play === null || score === undefined
      ? undefined
      : { minute: event.in_play.minute, homeScore: score.home, awayScore: score.away }
  })
}

export const normaliseAlpha = (page: AlphaEventsPage, ctx: QuoteContext): Normalised => events(page.data, toQuote(ctx))
