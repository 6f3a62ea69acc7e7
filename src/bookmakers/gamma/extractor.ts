// BookieGamma's fetch plan: the market catalogue (fetched once, cached for BOOKIE_GAMMA_CATALOGUE_TTL and
// shared by all jobs) gives Gamma's id for the market; then one request per (market id, day) or in-play.
import { Config, Duration, Effect, Exit } from "effect"
import { PayloadInvalid } from "../../domain/errors.ts"
import type { DataSource, Market } from "../../domain/Market.ts"
import { extractorsFor, nowIso } from "../extraction.ts"
import { makeBookieHttp } from "../http/BookieHttp.ts"
import { httpSettings } from "../http/settings.ts"
import { normaliseGamma } from "./normalise.ts"
import { type GammaPeriod, gammaPeriod } from "./period.ts"
import { GammaCatalogue, GammaFixturesPage, gammaMarketTypes } from "./wire.ts"

export const gammaCatalogueTtl = Config.Duration("BOOKIE_GAMMA_CATALOGUE_TTL").pipe(Config.withDefault(Duration.hours(1)))

export const gammaExtractors = Effect.gen(function*() {
  const http = yield* makeBookieHttp("BookieGamma", yield* httpSettings("BookieGamma"))
  const ttl = yield* gammaCatalogueTtl
  // Only a successful catalogue is kept; a failed fetch is retried by the next job.
  const [catalogue, invalidate] = yield* Effect.cachedInvalidateWithTTL(
    http.getJson({ path: ["api", "v2", "catalogue"] }, GammaCatalogue, { market: "catalogue", period: "-" }),
    (exit) => (Exit.isSuccess(exit) ? ttl : Duration.zero)
  )

  const marketId = Effect.fnUntraced(function*(market: Market, period: string) {
    const type = gammaMarketTypes[market]
    const entry = (yield* catalogue).markets.find((m) => m.type === type)
    if (entry !== undefined) return entry.id
    // Gamma may be adding the market right now: look again next time rather than in an hour.
    yield* invalidate
    return yield* new PayloadInvalid({
      bookmaker: "BookieGamma",
      market,
      period,
      path: "$.markets",
      message: `catalogue has no market of type ${type}`
    })
  })

  const fetch = Effect.fnUntraced(function*(market: Market, source: DataSource, period: GammaPeriod) {
    const shown = String(period)
    const id = String(yield* marketId(market, shown))
    const page = yield* http.getJson(
      period === "inplay"
        ? { path: ["api", "v2", "inplay"], query: { marketId: id } }
        : { path: ["api", "v2", "fixtures"], query: { day: String(period), marketId: id } },
      GammaFixturesPage,
      { market, period: shown }
    )
    return normaliseGamma(page, { bookmaker: "BookieGamma", market, source, fetchedAt: yield* nowIso })
  })
  return extractorsFor({ bookmaker: "BookieGamma", period: gammaPeriod, fetch })
})
