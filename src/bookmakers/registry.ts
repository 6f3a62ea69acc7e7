// The production registry: every bookmaker's extractors for all three markets, fetching over HTTP.
// Requires an HttpClient (the entry point provides NodeHttpClient.layerUndici); fails with a ConfigError
// naming the variable when a BOOKIE_* setting is invalid.
import { Effect, Layer } from "effect"
import { alphaExtractors } from "./alpha/extractor.ts"
import { betaExtractors } from "./beta/extractor.ts"
import { deltaExtractors } from "./delta/extractor.ts"
import { Extractors } from "./Extractors.ts"
import { gammaExtractors } from "./gamma/extractor.ts"

export const layerHttp = Layer.unwrap(Effect.gen(function*() {
  return Extractors.fromMap({
    BookieAlpha: yield* alphaExtractors,
    BookieBeta: yield* betaExtractors,
    BookieGamma: yield* gammaExtractors,
    BookieDelta: yield* deltaExtractors
  })
}))
