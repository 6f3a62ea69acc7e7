// BookieGamma's simulated API: renders the world's BookView in Gamma's wire format. Pure.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import type { SimulatedApi } from "../../simulator/SimulatedApi.ts"
import type { BookEvent } from "../../simulator/World.ts"
import { EpochSeconds, FractionalString } from "../codecs.ts"
import { marketOfCode, offered } from "../render.ts"
import { gammaMaxDay } from "./period.ts"
import { GammaCatalogue, type GammaFixture, type GammaFixturesPage, gammaMarketTypes, gammaOutcomes } from "./wire.ts"

/** Gamma's own market ids: private to Gamma, learnt by the extractor from the catalogue. */
const gammaMarketIds: { readonly [M in Market]: number } = { three_way: 1001, btts: 1038, double_chance: 1077 }

const labels: { readonly [M in Market]: string } = {
  three_way: "Match Result",
  btts: "Both Teams To Score",
  double_chance: "Double Chance"
}

const catalogue: typeof GammaCatalogue.Encoded = Schema.encodeSync(GammaCatalogue)({
  sport: "football",
  markets: [
    ...(["three_way", "btts", "double_chance"] as const).map((m) => ({ id: gammaMarketIds[m], type: gammaMarketTypes[m], label: labels[m] })),
    // A market the extractors do not use, as a real catalogue would list.
    { id: 1102, type: "OVER_UNDER_25", label: "Over/Under 2.5 Goals" }
  ]
})

const fractional = Schema.encodeSync(FractionalString)
const epochSeconds = Schema.encodeSync(EpochSeconds)

const renderFixture = (event: BookEvent, market: Market): Array<typeof GammaFixture.Encoded> => {
  const selections = offered(event, market)
  if (selections === undefined) return []
  return [{
    ref: event.eventId,
    participants: { home: { name: event.home }, away: { name: event.away } },
    kickOff: epochSeconds(event.kickoff),
    tournament: { title: event.league, region: event.country },
    ...(event.live === undefined
      ? {}
      : { clock: { elapsed: event.live.minute, goals: [event.live.homeScore, event.live.awayScore] as const } }),
    book: {
      marketId: gammaMarketIds[market],
      selections: selections.map(([outcome, price]) => ({ key: gammaOutcomes[outcome], price: price === null ? null : fractional(price) }))
    }
  }]
}

const page = (events: ReadonlyArray<BookEvent>, market: Market, day: number | null): typeof GammaFixturesPage.Encoded => ({
  marketId: gammaMarketIds[market],
  day,
  fixtures: events.flatMap((e) => renderFixture(e, market))
})

export const gammaApi: SimulatedApi = {
  bookmaker: "BookieGamma",
  prefix: "/gamma",
  handle: (view, path, query, now) => {
    if (path === "/api/v2/catalogue") return catalogue
    const market = marketOfCode(gammaMarketIds, query.get("marketId"))
    if (market === undefined) return undefined
    if (path === "/api/v2/inplay") return page(view.events("BookieGamma", "live", 0, now), market, null)
    if (path !== "/api/v2/fixtures") return undefined
    const day = Number(query.get("day")?.match(/^\d$/)?.[0] ?? Number.NaN)
    if (!(day <= gammaMaxDay)) return undefined
    return page(view.events("BookieGamma", "upcoming", day, now), market, day)
  }
}
