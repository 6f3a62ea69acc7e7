// Fixture resolution alone: a day's slate of 2,000 fixtures as the four bookmakers list it (their own
// names and kickoffs; each lists ~90 %), bookmaker after bookmaker into a fresh resolver index. Pair
// precision and recall against the simulator's ground truth show the figure is for correct work.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect } from "effect"
import { bookmakers } from "../../src/domain/Market.ts"
import { loadLexicon } from "../../src/matching/resolver/aliases.ts"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"
import { ResolverIndex } from "../../src/matching/resolver/ResolverIndex.ts"
import { type Benchmark, scaled } from "../lib/context.ts"
import { timed } from "../lib/timing.ts"
import { anchor, worldView } from "../lib/world.ts"

/** Pairs of listings put together (same key) that are the same fixture, and the converse. */
const pairScores = (fixtureIds: ReadonlyArray<string>, keys: ReadonlyArray<string>) => {
  const pairs = (groupOf: ReadonlyArray<string>, within: ReadonlyArray<string>) => {
    const groups = new Map<string, Array<number>>()
    groupOf.forEach((g, i) => groups.set(g, [...(groups.get(g) ?? []), i]))
    let all = 0
    let agree = 0
    for (const members of groups.values()) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          all++
          if (within[members[a]!] === within[members[b]!]) agree++
        }
      }
    }
    return all === 0 ? 1 : agree / all
  }
  return { precision: pairs(keys, fixtureIds), recall: pairs(fixtureIds, keys) }
}

export const resolveBench: Benchmark = {
  name: "resolve",
  rows: [{ id: "resolve", label: "fixture resolution: 2,000-fixture day × 4 bookmakers", unit: "listings/s", digits: 0 }],
  unavailable: () => undefined,
  runOnce: async (ctx) => {
    const view = worldView(scaled(10_000, ctx.scale, 50)) // 2,000 a day over five days
    const events = bookmakers.flatMap((bookmaker) => view.events(bookmaker, "upcoming", 0, anchor).map((e) => ({ bookmaker, e })))
    const listings = events.map(({ bookmaker, e }) => ({ bookmaker, home: e.home, away: e.away, kickoff: e.kickoff, league: e.league }))
    const lexicon = await Effect.runPromise(loadLexicon([]).pipe(Effect.provide(NodeFileSystem.layer)))
    const { result, seconds } = timed(() => {
      const index = new ResolverIndex(lexicon, defaultSettings)
      return listings.map((l) => index.resolve(l).key)
    })
    const { precision, recall } = pairScores(events.map(({ e }) => e.fixtureId), result)
    return {
      samples: [{ id: "resolve", value: listings.length / seconds }],
      checks: [{
        name: "resolution is sound (pair precision ≥ 0.95, recall ≥ 0.9)",
        ok: precision >= 0.95 && recall >= 0.9,
        detail: `${listings.length} listings of ${new Set(events.map(({ e }) => e.fixtureId)).size} fixtures; precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`
      }]
    }
  }
}
