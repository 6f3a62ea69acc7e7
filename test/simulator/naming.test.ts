// Each bookmaker names clubs its own way, consistently, and never in a way that merges two different sides:
// the hard negatives (same city, senior vs women's/youth/B side) stay apart at every bookmaker.
import { assert, describe, it } from "@effect/vitest"
import { type Bookmaker, bookmakers } from "../../src/domain/Market.ts"
import { foldDiacritics } from "../../src/simulator/Naming.ts"
import { generateWorld } from "../../src/simulator/SimWorld.ts"
import type { Side } from "../../src/simulator/Sides.ts"

const world = generateWorld({ seed: "naming", anchor: new Date("2025-03-01T09:00:00Z"), fixtures: 300, live: 12, mispricings: 0 })
const { sides } = world.teams
const name = (b: Bookmaker, side: Side) => world.names[b][side.id]!
const plain = (s: string) => foldDiacritics(s).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()
const side = (canonical: string): Side => {
  const found = sides.find((s) => s.name === canonical)
  assert.isDefined(found, `no side named ${canonical}`)
  return found!
}

describe("bookmaker naming", () => {
  it("keeps the hard cases in the world, senior sides next to their women's, youth and B sides", () => {
    for (
      const canonical of [
        "Manchester United", "Manchester City", "Inter", "Inter Miami CF", "Sporting CP", "Sporting Gijón",
        "Real Madrid", "Real Madrid Castilla", "Arsenal", "Arsenal Women", "Arsenal U21", "Atlético Madrid",
        "Bayern München", "Bayern München II", "1. FC Köln", "Beşiktaş", "Deportivo Alavés", "Jong Ajax",
        "Benfica U23", "Dundee", "Dundee United", "Willem II", "Paris FC", "Paris Saint-Germain"
      ]
    ) side(canonical)
  })

  it("varies names across bookmakers for a good share of sides", () => {
    const varied = sides.filter((s) => new Set(bookmakers.map((b) => name(b, s))).size > 1)
    assert.isAbove(varied.length / sides.length, 0.6)
    for (const a of bookmakers) {
      for (const b of bookmakers) {
        if (a >= b) continue
        const differ = sides.filter((s) => name(a, s) !== name(b, s)).length
        assert.isAbove(differ / sides.length, 0.25, `${a} vs ${b}`)
      }
    }
  })

  it("never prints two different sides alike at one bookmaker", () => {
    for (const b of bookmakers) {
      const seen = new Map<string, string>()
      for (const s of sides) {
        const key = plain(name(b, s))
        assert.isUndefined(seen.get(key), `${b}: "${name(b, s)}" is both ${seen.get(key)} and ${s.name}`)
        seen.set(key, s.name)
      }
    }
  })

  it("never prints a women's, youth or reserve side like its senior side, at any bookmaker", () => {
    const seniorNames = new Map<string, Set<string>>()
    for (const s of sides.filter((x) => x.kind === "senior")) {
      seniorNames.set(s.club.key, new Set(bookmakers.map((b) => plain(name(b, s)))))
    }
    let derived = 0
    for (const s of sides.filter((x) => x.kind !== "senior")) {
      const senior = seniorNames.get(s.club.key)
      if (senior === undefined) continue
      derived++
      for (const b of bookmakers) assert.isFalse(senior.has(plain(name(b, s))), `${b}: ${name(b, s)} reads as the senior ${s.club.spec.name}`)
    }
    assert.isAbove(derived, 80)
  })

  it("keeps same-city clubs apart", () => {
    const pairs = [["Manchester United", "Manchester City"], ["Inter", "Inter Miami CF"], ["Sporting CP", "Sporting Gijón"], ["Dundee", "Dundee United"], ["Paris FC", "Paris Saint-Germain"], ["Bayern München", "TSV 1860 München"]] as const
    for (const [a, b] of pairs) {
      for (const x of bookmakers) for (const y of bookmakers) assert.notStrictEqual(plain(name(x, side(a))), plain(name(y, side(b))), `${x} ${a} / ${y} ${b}`)
    }
  })

  it("follows each house style", () => {
    const all = (b: Bookmaker) => sides.map((s) => name(b, s))
    const hasMarks = (s: string) => s.normalize("NFD") !== s.normalize("NFD").replace(/\p{M}/gu, "")
    assert.isFalse(all("BookieBeta").some(hasMarks), "Beta folds diacritics")
    assert.isFalse(all("BookieDelta").some(hasMarks), "Delta transliterates")
    assert.include(all("BookieAlpha"), "Beşiktaş JK")
    assert.isTrue(all("BookieDelta").some((n) => /oe|ue/.test(n) && /K(oe)ln|M(ue)nchen|D(ue)sseldorf|N(ue)rnberg/.test(n)), "Delta writes ü as ue")
    assert.isTrue(all("BookieBeta").some((n) => /\bUtd\b/.test(n)) && all("BookieBeta").some((n) => /^Man /.test(n)), "Beta abbreviates")
    assert.isTrue(all("BookieAlpha").some((n) => n === "Arsenal FC"), "Alpha adds affixes")
    const women = sides.filter((s) => s.kind === "women" && !s.club.spec.womenOnly && s.club.spec.women === undefined)
    assert.isTrue(women.every((s) => name("BookieBeta", s).endsWith(" (W)")))
    assert.isTrue(women.every((s) => name("BookieDelta", s).endsWith(" W")))
    assert.isTrue(sides.filter((s) => s.kind === "u21").every((s) => name("BookieGamma", s).endsWith(" (U21)")))
  })

  it("uses city-first and alternative forms somewhere, and nicknames or sponsor names for at most 3 % of listings", () => {
    const cityFirst = /^\S+ (Atlético|Borussia|Eintracht|Olympique|Hertha|Union|Sporting|Racing|Deportivo|Fortuna|Werder|Dynamo|Hellas|Celta)\b/
    const gamma = sides.map((s) => name("BookieGamma", s))
    assert.isTrue(gamma.some((n) => cityFirst.test(n)), "some city-first form")
    const alt = sides.filter((s) => s.club.spec.alt !== undefined && bookmakers.some((b) => s.club.spec.alt!.some((a) => plain(name(b, s)).includes(plain(a)))))
    assert.isAbove(alt.length, 20)
    let slots = 0
    let nicknamed = 0
    for (const f of world.fixtures) {
      for (const b of bookmakers) {
        if (world.listings[b][f.index] === undefined) continue
        for (const s of [f.home, f.away]) {
          slots++
          if ((s.club.spec.nick ?? []).some((n) => plain(n) === plain(name(b, s)))) nicknamed++
        }
      }
    }
    assert.isAtMost(nicknamed / slots, 0.03)
    const anyNick = sides.some((s) => (s.club.spec.nick ?? []).some((n) => bookmakers.some((b) => plain(n) === plain(name(b, s)))))
    assert.isTrue(anyNick, "some nickname or sponsor form in use")
  })
})
