// BookieDelta's fetch plan: list the event ids of the period, then fetch the market for chunks of
// BOOKIE_DELTA_CHUNK ids (requests in flight are capped per bookmaker).
import { Array as Arr, Config, Effect } from "effect"
import type { DataSource, Market } from "../../domain/Market.ts"
import { extractorsFor, nowIso } from "../extraction.ts"
import { makeBookieHttp } from "../http/BookieHttp.ts"
import { httpSettings, positiveInt } from "../http/settings.ts"
import { mergeCollected } from "../payload.ts"
import { deltaIds, normaliseDelta } from "./normalise.ts"
import { type DeltaPeriod, deltaPeriod, deltaPeriodQuery } from "./period.ts"
import { DeltaIdList, deltaMarketTypes, deltaMaxIds, DeltaMarketsPage } from "./wire.ts"

export const deltaChunk = positiveInt("BOOKIE_DELTA_CHUNK").pipe(
  Config.withDefault(50),
  Config.map((n) => Math.min(n, deltaMaxIds))
)

export const deltaExtractors = Effect.gen(function*() {
  const settings = yield* httpSettings("BookieDelta")
  const http = yield* makeBookieHttp("BookieDelta", settings)
  const chunk = yield* deltaChunk

  const fetch = Effect.fnUntraced(function*(market: Market, source: DataSource, period: DeltaPeriod) {
    const ctx = { market, period }
    const ids = deltaIds(
      yield* http.getJson({ path: ["feed", "events"], query: deltaPeriodQuery(period) }, DeltaIdList, ctx)
    )
    const pages = yield* Effect.forEach(
      Arr.chunksOf(Arr.dedupe(ids.items), chunk),
      (some) =>
        Effect.flatMap(
          http.getJson({ path: ["feed", "markets"], query: { ids: some.join(","), type: deltaMarketTypes[market] } }, DeltaMarketsPage, ctx),
          (page) => Effect.map(nowIso, (fetchedAt) => normaliseDelta(page, { bookmaker: "BookieDelta", market, source, fetchedAt }))
        ),
      { concurrency: settings.concurrency }
    )
    const events = mergeCollected(pages)
    return { items: events.items, skipped: [...ids.skipped, ...events.skipped] }
  })
  return extractorsFor({ bookmaker: "BookieDelta", period: deltaPeriod, fetch })
})
