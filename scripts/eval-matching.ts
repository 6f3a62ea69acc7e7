// Precision and recall of fixture resolution on the simulator's ground truth: every bookmaker's listings
// of several seeded worlds (live and all five days), resolved as the service does (one index per world),
// scored over pairs of listings. Exits 1 below the bar (precision ≥ 99 %, recall ≥ 97 %).
//   npx node scripts/eval-matching.ts [--seeds a,b,c] [--fixtures 600] [--live 24] [--orders 2] [--show 15] [--no-club-aliases]
// --orders N (default 2) also resolves each world in N shuffled arrival orders (as concurrent workers see
// them), each scored on the truth too (and counted in the overall figures) and compared with the in-order grouping.
// --no-club-aliases drops the "teams" section of data/aliases.json: what the general rules do on their own.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect } from "effect"
import { parseArgs } from "node:util"
import { bookmakers } from "../src/domain/Market.ts"
import { builtInAliasesPath, compileLexicon, readAliasFile } from "../src/matching/resolver/aliases.ts"
import type { Lexicon } from "../src/matching/resolver/names.ts"
import { defaultSettings } from "../src/matching/resolver/ResolverConfig.ts"
import { ResolverIndex, type ResolverSettings } from "../src/matching/resolver/ResolverIndex.ts"
import { type Assigned, pairwiseScore, type PairwiseScore } from "../src/matching/resolver/scoring.ts"
import { Rng } from "../src/simulator/Prng.ts"
import { bookView } from "../src/simulator/SimBookView.ts"
import { generateWorld, type WorldOptions } from "../src/simulator/SimWorld.ts"
import type { BookEvent } from "../src/simulator/World.ts"

export const bar = { precision: 0.99, recall: 0.97 } as const

export interface WorldEvaluation {
  readonly score: PairwiseScore
  /** Listings whose key changed when the whole slate was polled a second time. */
  readonly unstable: number
  /** Listings reported as unmatched (refused joins and new fixtures with near candidates). */
  readonly unmatched: number
  /** One per shuffled arrival order: its score on the truth, and how its grouping differs from the in-order one. */
  readonly orders: ReadonlyArray<{ readonly score: PairwiseScore; readonly versusInOrder: PairwiseScore }>
}

const label = (bookmaker: string, e: BookEvent) => `${bookmaker}: ${e.home} v ${e.away} (${e.kickoff.slice(0, 16)}, ${e.league})`

/**
 * Resolves every listing of one world (live, then days 0–4, bookmaker by bookmaker), twice, and scores it;
 * then again in `orders` shuffled arrival orders, each on a fresh index.
 */
export const evaluateWorld = (
  options: WorldOptions,
  lexicon: Lexicon,
  settings: ResolverSettings = defaultSettings,
  orders = 0
): WorldEvaluation => {
  const view = bookView(generateWorld(options))
  const slates = [
    ...bookmakers.map((b) => [b, view.events(b, "live", 0, options.anchor)] as const),
    ...[0, 1, 2, 3, 4].flatMap((day) => bookmakers.map((b) => [b, view.events(b, "upcoming", day, options.anchor)] as const))
  ]
  const index = new ResolverIndex(lexicon, settings)
  const listings = slates.flatMap(([bookmaker, events]) => events.map((e) => ({ bookmaker, e })))
  const resolveIn = (target: ResolverIndex) => ({ bookmaker, e }: (typeof listings)[number]) =>
    target.resolve({ bookmaker, home: e.home, away: e.away, kickoff: e.kickoff, league: e.league })
  const first = listings.map(resolveIn(index))
  const again = listings.map(resolveIn(index))
  const scoreKeys = (keys: ReadonlyArray<string>, truth: (i: number) => string) =>
    pairwiseScore(listings.map(({ bookmaker, e }, i): Assigned => ({ key: keys[i]!, truth: truth(i), label: label(bookmaker, e) })))
  const inOrder = first.map((r) => r.key)
  return {
    score: scoreKeys(inOrder, (i) => listings[i]!.e.fixtureId),
    unstable: again.filter((r, i) => r.key !== first[i]!.key).length,
    unmatched: first.filter((r) => r.unmatched !== undefined).length,
    orders: Array.from({ length: orders }, (_, n) => {
      const shuffled = new Rng(options.seed, "arrival order", n).shuffle(listings.map((_, i) => i))
      const resolve = resolveIn(new ResolverIndex(lexicon, settings))
      const keys: Array<string> = []
      for (const i of shuffled) keys[i] = resolve(listings[i]!).key
      return { score: scoreKeys(keys, (i) => listings[i]!.e.fixtureId), versusInOrder: scoreKeys(keys, (i) => inOrder[i]!) }
    })
  }
}

const percent = (x: number) => `${(100 * x).toFixed(2)} %`

const main = Effect.gen(function*() {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string", default: "alpha,bravo,charlie,delta,echo" },
      fixtures: { type: "string", default: "600" },
      live: { type: "string", default: "24" },
      orders: { type: "string", default: "2" },
      show: { type: "string", default: "15" },
      "no-club-aliases": { type: "boolean", default: false }
    }
  })
  const seeds = values.seeds.split(",").filter((s) => s !== "")
  const show = Number(values.show)
  const { file, path } = yield* readAliasFile(builtInAliasesPath)
  const source = { path, file: values["no-club-aliases"] ? { ...file, teams: {} } : file }
  const lexicon = yield* Effect.fromResult(compileLexicon([source]))
  const anchor = new Date("2026-11-28T09:30:00Z")
  let correct = 0
  let predicted = 0
  let truePairs = 0
  let unstable = 0
  const add = (score: PairwiseScore) => {
    correct += score.correctPairs
    predicted += score.predictedPairs
    truePairs += score.truePairs
  }
  const details = (score: PairwiseScore) => {
    for (const miss of score.misses.slice(0, show)) console.log(`  miss ${miss.truth}: ${miss.groups.map((g) => `[${g.join(" | ")}]`).join(" ≠ ")}`)
    if (score.misses.length > show) console.log(`  … ${score.misses.length - show} more misses`)
    for (const join of score.falseJoins.slice(0, show)) console.log(`  FALSE JOIN ${join.key}: ${join.groups.map((g) => `[${g.join(" | ")}]`).join(" + ")}`)
    if (score.falseJoins.length > show) console.log(`  … ${score.falseJoins.length - show} more false joins`)
  }
  const figures = (score: PairwiseScore) =>
    `precision ${percent(score.precision)} (${score.correctPairs}/${score.predictedPairs}), ` +
    `recall ${percent(score.recall)} (${score.correctPairs}/${score.truePairs})`
  for (const seed of seeds) {
    const options = { seed, anchor, fixtures: Number(values.fixtures), live: Number(values.live), mispricings: 0 }
    const result = evaluateWorld(options, lexicon, defaultSettings, Number(values.orders))
    const { score } = result
    add(score)
    unstable += result.unstable
    console.log(`seed ${seed}: ${score.listings} listings, ${figures(score)}, ${result.unmatched} unmatched, ${result.unstable} unstable`)
    details(score)
    result.orders.forEach((order, n) => {
      add(order.score)
      const { versusInOrder: v } = order
      const moved = v.predictedPairs - v.correctPairs + v.truePairs - v.correctPairs
      console.log(`  shuffled order ${n + 1}: ${figures(order.score)}, ${moved === 0 ? "same grouping" : `${moved} pairs grouped differently`} as in order`)
      details(order.score)
    })
  }
  const precision = predicted === 0 ? 1 : correct / predicted
  const recall = truePairs === 0 ? 1 : correct / truePairs
  const pass = precision >= bar.precision && recall >= bar.recall && unstable === 0
  console.log(
    `overall: precision ${percent(precision)}, recall ${percent(recall)} ` +
      `(${predicted - correct} wrong pairs, ${truePairs - correct} missed pairs), ${unstable} unstable keys ` +
      `(bar: precision ≥ ${percent(bar.precision)}, recall ≥ ${percent(bar.recall)}, stable) → ${pass ? "PASS" : "FAIL"}`
  )
  if (!pass) process.exitCode = 1
})

if (import.meta.main) await Effect.runPromise(main.pipe(Effect.provide(NodeFileSystem.layer)))
