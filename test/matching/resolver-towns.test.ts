// Two clubs of each of two towns in one kickoff slot ("Cedardale City v Greenwood City" next to "Cedardale FC
// v Greenwood SC"): the cases behind the false joins of the 3,000- and 5,000-fixture evaluation worlds, as the
// four bookmakers listed them. Arrival order decides which fixture is known first; no order may join one
// fixture's listing to the other.
import { describe, expect, it } from "@effect/vitest"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"
import { ResolverIndex } from "../../src/matching/resolver/ResolverIndex.ts"
import { Rng } from "../../src/simulator/Prng.ts"
import { lexicon } from "./resolverSupport.ts"

/** [fixture, bookmaker, home, away, kickoff HH:MM] */
type Row = readonly [string, string, string, string, string]

const worlds: Record<string, ReadonlyArray<Row>> = {
  // seed s1, 5,000 fixtures
  "Cedardale / Greenwood": [
    ["fc", "Alpha", "Cedardale FC", "Greenwood SC", "17:00"],
    ["fc", "Beta", "Cedardale", "Greenwood SC", "17:05"],
    ["fc", "Delta", "Cedardale", "Greenwood SC", "17:00"],
    ["city", "Alpha", "Cedardale City", "Greenwood City", "17:00"],
    ["city", "Gamma", "Cedardale City", "Greenwood City", "17:00"],
    ["city", "Delta", "Cedardale City", "Greenwood City", "17:00"]
  ],
  // seed s2, 5,000 fixtures
  "River Springs / Springton": [
    ["sc", "Alpha", "River Springs SC", "Springton FC", "21:48"],
    ["sc", "Beta", "River Springs", "Springton", "21:45"],
    ["sc", "Gamma", "River Springs", "Springton FC", "21:45"],
    ["sc", "Delta", "River Springs SC", "Springton", "21:45"],
    ["united", "Alpha", "River Springs United", "Springton Athletic", "21:48"],
    ["united", "Beta", "River Springs Utd", "Springton Ath", "21:45"],
    ["united", "Gamma", "River Springs United", "Springton Ath", "21:45"],
    ["united", "Delta", "River Springs Utd", "Springton Ath", "21:50"]
  ],
  // seed s2, 5,000 fixtures
  "Castelo Real / Castelo de Cima": [
    ["gd", "Alpha", "GD Castelo Real", "Académico Castelo de Cima", "18:32"],
    ["gd", "Beta", "GD Castelo Real", "Academico Castelo de Cima", "18:34"],
    ["gd", "Gamma", "GD Castelo Real", "Académico Castelo de Cima", "18:32"],
    ["gd", "Delta", "GD Castelo Real", "Academico Castelo de Cima", "18:30"],
    ["uniao", "Alpha", "União Castelo Real", "SC Castelo de Cima", "18:34"],
    ["uniao", "Beta", "Uniao Castelo Real", "SC Castelo de Cima", "18:30"],
    ["uniao", "Gamma", "Uniao Castelo Real", "SC Castelo de Cima", "18:32"],
    ["uniao", "Delta", "Uniao Castelo Real", "SC Castelo de Cima", "18:30"]
  ],
  // seed s3, 5,000 fixtures
  "Dalton / Inverross": [
    ["fc", "Alpha", "Dalton FC", "Inverross Athletic", "15:02"],
    ["fc", "Beta", "Dalton", "Inverross Ath", "15:00"],
    ["fc", "Gamma", "Dalton FC", "Inverross Athletic", "15:00"],
    ["fc", "Delta", "Dalton", "Inverross Ath", "15:00"],
    ["thistle", "Beta", "Dalton Thistle", "Inverross FC", "15:00"],
    ["thistle", "Gamma", "Dalton Thistle", "Inverross FC", "15:00"],
    ["thistle", "Delta", "Dalton Thistle", "Inverross FC", "15:03"]
  ],
  // seed bookies, 5,000 fixtures
  "Berghoven / Westveen": [
    ["boys", "Alpha", "Berghoven Boys", "Westveen Boys", "19:30"],
    ["boys", "Beta", "Berghoven Boys", "Westveen Boys", "19:30"],
    ["boys", "Gamma", "Berghoven Boys", "Westveen Boys", "19:30"],
    ["boys", "Delta", "Berghoven Boys", "Westveen Boys", "19:30"],
    ["sv", "Alpha", "SV Berghoven", "VV Westveen", "19:35"],
    ["sv", "Beta", "Berghoven", "Westveen", "19:33"],
    ["sv", "Gamma", "SV Berghoven", "VV Westveen", "19:30"],
    ["sv", "Delta", "SV Berghoven", "Westveen", "19:31"]
  ],
  // seed d, 3,000 fixtures
  "Monmayor / Robleñar": [
    ["real", "Alpha", "Real Monmayor", "CD Robleñar", "11:15"],
    ["real", "Gamma", "Real Monmayor", "CD Robleñar", "11:15"],
    ["real", "Beta", "Real Monmayor", "Roblenar", "11:16"],
    ["real", "Delta", "Real Monmayor", "Roblenar", "11:15"],
    ["cd", "Alpha", "CD Monmayor", "Robleñar CF", "11:15"],
    ["cd", "Gamma", "CD Monmayor", "Roblenar CF", "11:18"],
    ["cd", "Beta", "Monmayor", "Roblenar CF", "11:15"],
    ["cd", "Delta", "Monmayor", "Roblenar CF", "11:15"]
  ],
  // a 5,000-fixture world of another seed
  "Casalmare / Castelverde": [
    ["calcio", "Alpha", "Casalmare Calcio", "SS Castelverde", "18:01"],
    ["calcio", "Gamma", "Casalmare Calcio", "SS Castelverde", "18:01"],
    ["calcio", "Beta", "Casalmare Calcio", "Castelverde", "18:03"],
    ["calcio", "Delta", "Casalmare Calcio", "Castelverde", "18:00"],
    ["ac", "Alpha", "AC Casalmare", "Castelverde Calcio", "18:04"],
    ["ac", "Gamma", "AC Casalmare", "Castelverde Calcio", "18:00"],
    ["ac", "Beta", "Casalmare", "Castelverde Calcio", "18:00"],
    ["ac", "Delta", "Casalmare", "Castelverde Calcio", "18:00"]
  ]
}

const listingOf = ([, bookmaker, home, away, hhmm]: Row) => ({ bookmaker, home, away, kickoff: `2026-11-30T${hhmm}:00.000Z` })

/** Listing positions grouped by key (or by fixture), as a canonical string. */
const groups = (labels: ReadonlyArray<string>): string => {
  const byLabel = new Map<string, Array<number>>()
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]))
  return [...byLabel.values()].map((g) => g.join(",")).sort().join(" | ")
}

const resolveIn = (rows: ReadonlyArray<Row>, order: ReadonlyArray<number>) => {
  const index = new ResolverIndex(lexicon, defaultSettings)
  const keys: Array<string> = []
  for (const i of order) keys[i] = index.resolve(listingOf(rows[i]!)).key
  return keys
}

const shuffles = (rows: ReadonlyArray<Row>, name: string, n: number, first: ReadonlyArray<number> = []) => {
  const rest = rows.map((_, i) => i).filter((i) => !first.includes(i))
  return Array.from({ length: n }, (_, k) => [...first, ...new Rng("resolver-towns", name, k).shuffle(rest)])
}

describe("two clubs of each of two towns in one kickoff slot", () => {
  // Partial names of both teams, or a legal form plus the town against more words, tell these apart in any order.
  for (const name of ["Cedardale / Greenwood", "River Springs / Springton", "Castelo Real / Castelo de Cima", "Dalton / Inverross", "Berghoven / Westveen"]) {
    it(`${name}: every arrival order groups the listings as the fixtures are`, () => {
      const rows = worlds[name]!
      const truth = groups(rows.map(([fixture]) => fixture))
      for (const order of shuffles(rows, name, 40)) expect(groups(resolveIn(rows, order)), `order ${order.join(" ")}`).toBe(truth)
    })
  }

  // Here one team's names are equal and only the other's differ by words: "Real Monmayor v Roblenar" fits "Monmayor
  // v Roblenar CF" as "Crawley v Gillingham" fits "Crawley Town v Gillingham FC" (see resolver-index.test.ts). Once a
  // listing with the legal forms is known, "CD Monmayor" is a whole name, not "Real Monmayor", and
  // "Casalmare Calcio" is not "AC Casalmare".
  for (const [name, firstRows] of [["Monmayor / Robleñar", [0, 4]], ["Casalmare / Castelverde", [0, 4]]] as const) {
    it(`${name}: once each fixture's full names are known, every order groups the listings as the fixtures are`, () => {
      const rows = worlds[name]!
      const truth = groups(rows.map(([fixture]) => fixture))
      for (const order of shuffles(rows, name, 40, firstRows)) expect(groups(resolveIn(rows, order)), `order ${order.join(" ")}`).toBe(truth)
    })
  }

  it("the listing that joined the wrong fixture in the 3,000-fixture world is refused", () => {
    const rows = worlds["Monmayor / Robleñar"]!
    const index = new ResolverIndex(lexicon, defaultSettings)
    const cd = index.resolve(listingOf(rows[4]!))
    expect(index.resolve(listingOf(rows[5]!))).toEqual(cd)
    expect(index.resolve(listingOf(rows[2]!)).key).not.toBe(cd.key)
  })
})
