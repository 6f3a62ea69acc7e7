// The FixtureResolver service: one in-memory index shared by every batch of the process.
import { Clock, Effect } from "effect"
import type { Bookmaker, DataSource } from "../../domain/Market.ts"
import type { Listing } from "../../domain/Quote.ts"
import type { Resolution } from "../FixtureResolver.ts"
import { loadLexicon } from "./aliases.ts"
import { ResolverConfig } from "./ResolverConfig.ts"
import { ResolverIndex } from "./ResolverIndex.ts"

/** Old fixtures are swept at most this often (ms): a sweep walks the whole index. */
const sweepEvery = 60_000

export const makeFixtureResolver = Effect.gen(function*() {
  const config = yield* ResolverConfig
  const lexicon = yield* loadLexicon(config.aliases)
  const index = new ResolverIndex(lexicon, config.settings)
  let lastSweep = Number.NEGATIVE_INFINITY

  // The source does not matter: a live listing resolves against the same fixtures as upcoming ones, so a
  // fixture keeps its key when it kicks off. One Effect.sync per batch: JavaScript runs it to the end
  // without interleaving, so concurrent batches see each other's fixtures and never a half-updated index.
  const resolve = Effect.fn("FixtureResolver.resolve")(function*(
    _source: DataSource,
    listings: ReadonlyArray<{ readonly bookmaker: Bookmaker; readonly listing: Listing }>
  ) {
    const now = yield* Clock.currentTimeMillis
    return yield* Effect.sync((): ReadonlyArray<Resolution> => {
      if (now - lastSweep >= sweepEvery) {
        index.evict(now)
        lastSweep = now
      }
      return listings.map(({ bookmaker, listing }) => index.resolve({ bookmaker, ...listing }))
    })
  })
  return { resolve }
})
