// Order independence: concurrent workers see listings in any order, and the fixtures they form must not
// depend on it. A small hard world (two clubs per town that differ only by legal form or a close spelling,
// in the same or neighbouring kickoff slots, each bookmaker dropping other forms) is resolved in many
// shuffled arrival orders; every order must group the listings the same way, and as the truth does.
import { describe, expect, it } from "@effect/vitest"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"
import { ResolverIndex } from "../../src/matching/resolver/ResolverIndex.ts"
import { Rng } from "../../src/simulator/Prng.ts"
import { lexicon } from "./resolverSupport.ts"

const bookmakers = ["A", "B", "C", "D"] as const
type Book = (typeof bookmakers)[number]

/**
 * Each club as each bookmaker writes it: A in full, B without legal forms, C and D dropping others. A bookmaker
 * never writes two clubs alike, so where B writes "Oosthoven" for VV Oosthoven it keeps "Oosthoven FC".
 */
const clubs: Record<string, Record<Book, string>> = {
  vvOosthoven: { A: "VV Oosthoven", B: "Oosthoven", C: "VV Oosthoven", D: "VV Oosthoven" },
  oosthovenFc: { A: "Oosthoven FC", B: "Oosthoven FC", C: "Oosthoven", D: "Oosthoven" },
  oosthorstFc: { A: "Oosthorst FC", B: "Oosthorst", C: "Oosthorst FC", D: "Oosthorst FC" },
  svOosthorst: { A: "SV Oosthorst", B: "SV Oosthorst", C: "Oosthorst", D: "Oosthorst" },
  scZuidkerk: { A: "SC Zuidkerk", B: "Zuidkerk", C: "SC Zuidkerk", D: "Zuidkerk" },
  zuidkerkFc: { A: "Zuidkerk FC", B: "Zuidkerk FC", C: "Zuidkerk", D: "Zuidkerk FC" },
  bergdamFc: { A: "Bergdam FC", B: "Bergdam", C: "Bergdam FC", D: "Bergdam" },
  vvBergdam: { A: "VV Bergdam", B: "VV Bergdam", C: "Bergdam", D: "VV Bergdam" },
  chatelfort: { A: "Olympique Châtelfort", B: "Olympique Chatelfort", C: "Ol. Châtelfort", D: "Olympique Chatelfort" },
  chatelfont: { A: "Olympique Châtelfont", B: "Olympique Chatelfont", C: "Ol. Châtelfont", D: "Olympique Chatelfont" },
  scGrootmeer: { A: "SC Grootmeer", B: "Grootmeer", C: "SC Grootmeer", D: "SC Grootmeer" },
  grootmeerFc: { A: "Grootmeer FC", B: "Grootmeer FC", C: "Grootmeer", D: "Grootmeer" },
  sfKirchdorf: { A: "Sportfreunde Kirchdorf", B: "Kirchdorf", C: "SF Kirchdorf", D: "Sportfreunde Kirchdorf" },
  tsvKirchdorf: { A: "TSV Kirchdorf", B: "TSV Kirchdorf", C: "Kirchdorf", D: "TSV Kirchdorf" },
  spvggSchonheim: { A: "SpVgg Schönheim", B: "Schonheim", C: "SpVgg Schönheim", D: "Schoenheim" },
  vfrSchonheim: { A: "VfR Schönheim", B: "VfR Schonheim", C: "Schönheim", D: "VfR Schoenheim" },
  crawley: { A: "Crawley Town", B: "Crawley", C: "Crawley Town FC", D: "Crawley" },
  gillingham: { A: "Gillingham FC", B: "Gillingham", C: "Gillingham", D: "Gillingham FC" },
  manUnited: { A: "Manchester United", B: "Man Utd", C: "Manchester United FC", D: "Man United" },
  spurs: { A: "Tottenham Hotspur", B: "Spurs", C: "Tottenham", D: "Tottenham Hotspur FC" }
}

/** Fixtures as [home, away, kickoff]: the other club of a town plays in the next slots or the same one. */
const fixtures: ReadonlyArray<readonly [string, string, string]> = [
  ["vvOosthoven", "oosthorstFc", "19:45"],
  ["oosthovenFc", "svOosthorst", "20:30"],
  ["scZuidkerk", "bergdamFc", "15:00"],
  ["zuidkerkFc", "vvBergdam", "15:15"],
  ["chatelfort", "scGrootmeer", "18:00"],
  ["chatelfont", "grootmeerFc", "18:30"],
  ["sfKirchdorf", "spvggSchonheim", "16:00"],
  ["tsvKirchdorf", "vfrSchonheim", "16:30"],
  ["crawley", "gillingham", "15:00"],
  ["manUnited", "spurs", "17:30"]
]

/** Minutes each bookmaker's kickoff differs from the true one; D lists one fixture an hour late. */
const shift: Record<Book, number> = { A: 0, B: 2, C: 5, D: 1 }
const hourLate = "manUnited"

const listings = fixtures.flatMap(([home, away, time], truth) =>
  bookmakers.map((bookmaker) => {
    const minutes = shift[bookmaker] + (bookmaker === "D" && home === hourLate ? 60 : 0)
    const kickoff = new Date(Date.parse(`2025-03-01T${time}:00Z`) + minutes * 60_000).toISOString()
    return { truth, listing: { bookmaker, home: clubs[home]![bookmaker], away: clubs[away]![bookmaker], kickoff } }
  })
)

/** Listing positions grouped by the key each got, as a canonical string. */
const grouping = (order: ReadonlyArray<number>): string => {
  const index = new ResolverIndex(lexicon, defaultSettings)
  const keys: Array<string> = []
  for (const i of order) keys[i] = index.resolve(listings[i]!.listing).key
  const groups = new Map<string, Array<number>>()
  keys.forEach((key, i) => groups.set(key, [...(groups.get(key) ?? []), i]))
  return [...groups.values()].map((g) => g.join(",")).sort().join(" | ")
}

describe("arrival order", () => {
  const inOrder = listings.map((_, i) => i)
  const truth = fixtures.map((_, f) => listings.flatMap((l, i) => (l.truth === f ? [i] : [])).join(",")).sort().join(" | ")

  it("in listing order, the listings group as the truth does", () => {
    expect(grouping(inOrder)).toBe(truth)
  })

  it("every shuffled order groups them the same way", () => {
    for (let n = 0; n < 60; n++) {
      const order = new Rng("resolver-order", n).shuffle(inOrder)
      expect(grouping(order), `order ${n}: ${order.join(" ")}`).toBe(truth)
    }
  })
})
