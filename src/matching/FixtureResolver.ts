// Fixture identity across bookmakers: the service the worker asks for an entry's fixture key.
import { Context, Layer } from "effect"
import type { Effect } from "effect"
import type { Bookmaker, DataSource } from "../domain/Market.ts"
import type { Listing } from "../domain/Quote.ts"
import { makeFixtureResolver } from "./resolver/service.ts"

export interface Resolution {
  /** Same for the same fixture whatever bookmaker listed it, stable across polls. */
  readonly key: string
  /** Present when the listing could not be joined safely to a known fixture and got a key of its own. */
  readonly unmatched?: { readonly reason: string; readonly candidates: ReadonlyArray<{ readonly key: string; readonly score: number }> }
}

export class FixtureResolver extends Context.Service<FixtureResolver, {
  readonly resolve: (
    source: DataSource,
    listings: ReadonlyArray<{ readonly bookmaker: Bookmaker; readonly listing: Listing }>
  ) => Effect.Effect<ReadonlyArray<Resolution>>
}>()("bookies/FixtureResolver") {
  /** In-memory index over data/aliases.json (+ RESOLVER_ALIASES); needs a FileSystem to read the tables. */
  static readonly layer = Layer.effect(this, makeFixtureResolver)
}
