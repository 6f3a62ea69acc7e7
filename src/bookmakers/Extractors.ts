// The typed registry of extractors, provided by a Layer. Lookups never load code named by a message
// field: a bookmaker or market not in the map is a typed error.
import { Context, Effect, Layer } from "effect"
import { MissingMarket, UnknownBookmaker } from "../domain/errors.ts"
import { type Bookmaker, canonicalBookmaker, type Market } from "../domain/Market.ts"
import type { Extractor } from "./Extractor.ts"

export type ExtractorMap = { readonly [B in Bookmaker]?: { readonly [M in Market]?: Extractor } }

export class Extractors extends Context.Service<Extractors, {
  readonly get: (bookmaker: string, market: Market) => Effect.Effect<Extractor, UnknownBookmaker | MissingMarket>
}>()("bookies/Extractors") {
  static readonly fromMap = (map: ExtractorMap) =>
    Layer.succeed(Extractors, Extractors.of({ get: (bookmaker, market) => lookup(map, bookmaker, market) }))
}

export const lookup = (
  map: ExtractorMap,
  bookmaker: string,
  market: Market
): Effect.Effect<Extractor, UnknownBookmaker | MissingMarket> => {
  const known = canonicalBookmaker(bookmaker)
  const markets = known === undefined ? undefined : map[known]
  if (known === undefined || markets === undefined) return Effect.fail(new UnknownBookmaker({ bookmaker }))
  const extractor = markets[market]
  return extractor === undefined ? Effect.fail(new MissingMarket({ bookmaker: known, market })) : Effect.succeed(extractor)
}
