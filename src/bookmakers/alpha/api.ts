// BookieAlpha's simulated API: renders the world's BookView in Alpha's wire format. Pure.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import type { SimulatedApi } from "../../simulator/SimulatedApi.ts"
import type { BookEvent } from "../../simulator/World.ts"
import { DecimalString, IsoInstant, Score } from "../codecs.ts"
import { marketOfCode, offered } from "../render.ts"
import { alphaLive, alphaMaxDay } from "./period.ts"
import { type AlphaErrorBody, type AlphaEvent, type AlphaEventsPage, alphaMarketCodes, alphaOutcomes, alphaScoreSeparator } from "./wire.ts"

const decimal = Schema.encodeSync(DecimalString)
const instant = Schema.encodeSync(IsoInstant(0))
const score = Schema.encodeSync(Score(alphaScoreSeparator))

const renderEvent = (event: BookEvent, market: Market): Array<typeof AlphaEvent.Encoded> => {
  const selections = offered(event, market)
  if (selections === undefined) return []
  return [{
    id: event.eventId,
    home_team: event.home,
    away_team: event.away,
    start_time: instant(event.kickoff),
    competition: { name: event.league, country: event.country },
    in_play: event.live === undefined
      ? null
      : { minute: event.live.minute, score: score({ home: event.live.homeScore, away: event.live.awayScore }) },
    markets: [{
      type: alphaMarketCodes[market],
      selections: selections.map(([outcome, price]) =>
        price === null
          ? { name: alphaOutcomes[outcome], suspended: true }
          : { name: alphaOutcomes[outcome], odds: decimal(price), suspended: false }
      )
    }]
  }]
}

const error = (message: string): AlphaErrorBody => ({ success: false, error: message })

export const alphaApi: SimulatedApi = {
  bookmaker: "BookieAlpha",
  prefix: "/alpha",
  handle: (view, path, query, now) => {
    if (path !== "/v1/events") return undefined
    const market = marketOfCode(alphaMarketCodes, query.get("market"))
    if (market === undefined) return error("unknown market")
    const period = Number(query.get("period")?.match(/^-?\d{1,2}$/)?.[0] ?? Number.NaN)
    if (!(period >= alphaLive && period <= alphaMaxDay)) return error("period must be -1..4")
    const events = period === alphaLive
      ? view.events("BookieAlpha", "live", 0, now)
      : view.events("BookieAlpha", "upcoming", period, now)
    const page: typeof AlphaEventsPage.Encoded = {
      success: true,
      period,
      market: alphaMarketCodes[market],
      data: events.flatMap((e) => renderEvent(e, market))
    }
    return page
  }
}
