// BookieAlpha payload → canonical quotes. Pure; one bad event is skipped with its path.
import { Result } from "effect"
import { readDecimal, readIsoInstant, readScore } from "../codecs.ts"
import { eachItem, type Normalised } from "../payload.ts"
import { liveState, type PriceOf, type QuoteContext, quoteOf } from "../quote.ts"
import { AlphaEvent, type AlphaEventsPage, alphaMarketCodes, alphaOutcomes, type AlphaSelection } from "./wire.ts"

const events = eachItem(AlphaEvent, ["data"])

const priceOf: PriceOf<ReadonlyArray<AlphaSelection>> = (selections, code) => {
  for (const s of selections) {
    if (s.name !== code) continue
    if (s.suspended) return null
    // A selection that is neither suspended nor priced is left out, so its outcome counts as missing.
    if (s.odds !== undefined) return readDecimal(s.odds)
  }
  return undefined
}

const toQuote = (ctx: QuoteContext) => {
  const code = alphaMarketCodes[ctx.market]
  return (event: AlphaEvent) => {
    const market = event.markets.find((m) => m.type === code)
    if (market === undefined) return Result.fail(`no ${code} market`)
    return quoteOf(ctx, alphaOutcomes, priceOf, {
      eventId: event.id,
      listing: {
        home: event.home_team,
        away: event.away_team,
        kickoff: readIsoInstant(event.start_time),
        league: event.competition.name,
        country: event.competition.country
      },
      prices: market.selections,
      live: event.in_play === null ? undefined : liveState(event.in_play.minute, readScore(event.in_play.score))
    })
  }
}

export const normaliseAlpha = (page: AlphaEventsPage, ctx: QuoteContext): Normalised => events(page.data, toQuote(ctx))
