// BookieBeta's fetch plan: list the tournaments of the period, then fetch each tournament's events for the
// market, at most BOOKIE_BETA_FANOUT tournaments at once (requests are also capped per bookmaker).
import { Config, Effect } from "effect"
import type { DataSource, Market } from "../../domain/Market.ts"
import { extractorsFor, nowIso } from "../extraction.ts"
import { makeBookieHttp } from "../http/BookieHttp.ts"
import { httpSettings, positiveInt } from "../http/settings.ts"
import { mergeCollected } from "../payload.ts"
import { betaTournaments, normaliseBetaEvents } from "./normalise.ts"
import { type BetaPeriod, betaPeriod, betaPeriodQuery } from "./period.ts"
import { BetaEventsPage, betaOfferTypes, BetaTournamentsPage } from "./wire.ts"

export const betaFanout = positiveInt("BOOKIE_BETA_FANOUT").pipe(Config.withDefault(4))

export const betaExtractors = Effect.gen(function*() {
  const http = yield* makeBookieHttp("BookieBeta", yield* httpSettings("BookieBeta"))
  const fanout = yield* betaFanout

  const fetch = Effect.fnUntraced(function*(market: Market, source: DataSource, period: BetaPeriod) {
    const ctx = { market, period }
    const query = betaPeriodQuery(period)
    const listing = betaTournaments(
      yield* http.getJson({ path: ["sports", "football", "tournaments"], query }, BetaTournamentsPage, ctx)
    )
    const pages = yield* Effect.forEach(
      listing.items,
      (tournament) =>
        Effect.flatMap(
          http.getJson(
            {
              path: ["sports", "football", "tournaments", tournament.tournamentId, "events"],
              query: { ...query, offer: betaOfferTypes[market] }
            },
            BetaEventsPage,
            ctx
          ),
          (page) => Effect.map(nowIso, (fetchedAt) => normaliseBetaEvents(page, { bookmaker: "BookieBeta", market, source, fetchedAt }))
        ),
      { concurrency: fanout }
    )
    const events = mergeCollected(pages)
    return { items: events.items, skipped: [...listing.skipped, ...events.skipped] }
  })
  return extractorsFor({ bookmaker: "BookieBeta", period: betaPeriod, fetch })
})
