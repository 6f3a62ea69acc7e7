// BookieAlpha's fetch plan: one request per (market, period).
import { Effect } from "effect"
import type { DataSource, Market } from "../../domain/Market.ts"
import { extractorsFor, nowIso } from "../extraction.ts"
import { makeBookieHttp } from "../http/BookieHttp.ts"
import { httpSettings } from "../http/settings.ts"
import { normaliseAlpha } from "./normalise.ts"
import { alphaPeriod } from "./period.ts"
import { AlphaEventsPage, alphaMarketCodes } from "./wire.ts"

export const alphaExtractors = Effect.gen(function*() {
  const http = yield* makeBookieHttp("BookieAlpha", yield* httpSettings("BookieAlpha"))
  const fetch = Effect.fnUntraced(function*(market: Market, source: DataSource, period: number) {
    const page = yield* http.getJson(
      { path: ["v1", "events"], query: { market: alphaMarketCodes[market], period: String(period) } },
      AlphaEventsPage,
      { market, period: String(period) }
    )
    return normaliseAlpha(page, { bookmaker: "BookieAlpha", market, source, fetchedAt: yield* nowIso })
  })
  return extractorsFor({ bookmaker: "BookieAlpha", period: alphaPeriod, fetch })
})
