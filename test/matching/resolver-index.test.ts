// The resolver index: join order (identity, fuzzy, new), kickoff windows, both teams, clear margin,
// competition, two clubs of one town, refused listings, stable keys across polls, eviction.
import { describe, expect, it } from "@effect/vitest"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"
import { type ListingInput, ResolverIndex } from "../../src/matching/resolver/ResolverIndex.ts"
import { lexicon } from "./resolverSupport.ts"

const at = (hhmm: string, day = "2025-03-01") => `${day}T${hhmm}:00.000Z`
const listing = (bookmaker: string, home: string, away: string, kickoff: string, league?: string): ListingInput => ({
  bookmaker,
  home,
  away,
  kickoff,
  league
})
const fresh = () => new ResolverIndex(lexicon, defaultSettings)

describe("exact identity", () => {
  it("joins names equal after aliases and normalisation, with a readable key", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Man Utd", "Spurs", at("15:00")))
    const b = index.resolve(listing("B", "Manchester United FC", "Tottenham Hotspur", at("15:03")))
    const c = index.resolve(listing("C", "Manchester Utd", "Tottenham", at("14:58")))
    expect(a).toEqual({ key: "2025-03-01:manchester-united~tottenham-hotspur" })
    expect(b).toEqual(a)
    expect(c).toEqual(a)
  })

  it("beyond the kickoff window when one team is the same club for sure, within the identity window only", () => {
    const index = fresh()
    const first = index.resolve(listing("A", "Everton FC", "Fulham FC", at("12:00")))
    // Written with the same legal form: that Everton plays once in these hours.
    expect(index.resolve(listing("B", "Everton FC", "Fulham", at("14:30"))).key).toBe(first.key)
    const later = index.resolve(listing("C", "Everton FC", "Fulham FC", at("15:30")))
    expect(later.key).not.toBe(first.key)
    expect(later.key).toBe("2025-03-01:everton~fulham#2")
    // Clubs the alias table knows are sure by themselves.
    const known = index.resolve(listing("A", "Man Utd", "Spurs", at("12:00")))
    expect(index.resolve(listing("B", "Manchester United", "Tottenham Hotspur", at("14:00"))).key).toBe(known.key)
  })

  it("a kickoff moved by the bookmaker keeps the fixture", () => {
    const index = fresh()
    const first = index.resolve(listing("A", "Everton", "Fulham", at("12:00")))
    expect(index.resolve(listing("A", "Everton", "Fulham", at("13:30")))).toEqual(first)
  })

  it("two clubs of one town with different legal forms stay apart; a listing without forms is refused", () => {
    const index = fresh()
    const fc = index.resolve(listing("A", "Oostzijl FC", "Berghoven FC", at("14:15")))
    const sc = index.resolve(listing("A", "SC Oostzijl", "SC Berghoven", at("14:15")))
    expect(sc.key).not.toBe(fc.key)
    const bare = index.resolve(listing("B", "Oostzijl", "Berghoven", at("14:17")))
    expect([fc.key, sc.key]).not.toContain(bare.key)
    expect(bare.unmatched?.reason).toMatch(/^ambiguous/)
    expect(bare.unmatched?.candidates.map((c) => c.key)).toEqual(expect.arrayContaining([fc.key, sc.key]))
    expect(index.resolve(listing("C", "Oostzijl FC", "Berghoven FC", at("14:15")))).toEqual(fc)
    expect(index.resolve(listing("C", "SC Oostzijl", "SC Berghoven", at("14:16")))).toEqual(sc)
  })

  it("different legal forms on one side conflict; a form against none does not", () => {
    const index = fresh()
    const sc = index.resolve(listing("A", "SC Zuidkerk", "Bergdam", at("15:00")))
    expect(index.resolve(listing("B", "Zuidkerk FC", "Bergdam", at("15:00"))).key).not.toBe(sc.key)
    expect(index.resolve(listing("C", "SC Zuidkerk", "Bergdam FC", at("15:02")))).toEqual(sc)
    // The same form in another language is no conflict, nor is a form written on one side only.
    const barcelona = index.resolve(listing("A", "FC Barcelona", "Sevilla", at("21:00")))
    expect(index.resolve(listing("B", "Barcelona", "Sevilla FC", at("21:00")))).toEqual(barcelona)
    expect(index.resolve(listing("C", "Barcelona CF", "Sevilla", at("21:05")))).toEqual(barcelona)
  })

  it("a fixture keeps every legal form it was listed with", () => {
    const index = fresh()
    const bare = index.resolve(listing("B", "Fairwood", "River Falls", at("11:04")))
    expect(index.resolve(listing("D", "Fairwood FC", "River Falls FC", at("11:00")))).toEqual(bare)
    // "River Falls SC" conflicts with the "River Falls FC" that joined under the same bare names.
    expect(index.resolve(listing("A", "Fairwood City", "River Falls SC", at("11:00"))).key).not.toBe(bare.key)
  })

  it("names without legal forms join nothing beyond the kickoff window: the other club of the town may play then", () => {
    // VV Oosthoven v Oosthorst FC at 19:45, Oosthoven FC v SV Oosthorst at 20:30; a bookmaker dropping forms
    // lists the first as "Oosthoven v Oosthorst". Whichever fixture is known first, it must not take it.
    for (const seenFirst of ["19:45", "20:30"] as const) {
      const index = fresh()
      const early = seenFirst === "19:45" ? index.resolve(listing("A", "VV Oosthoven", "Oosthorst FC", at("19:45"))) : undefined
      const late = index.resolve(listing("A", "Oosthoven FC", "SV Oosthorst", at("20:30")))
      const bare = index.resolve(listing("B", "Oosthoven", "Oosthorst", at("19:47")))
      expect(bare.key).not.toBe(late.key)
      if (early !== undefined) expect(bare).toEqual(early)
      else expect(index.resolve(listing("A", "VV Oosthoven", "Oosthorst FC", at("19:45"))).key).toBe(bare.key)
    }
  })

  it("keys use the first listing's kickoff date", () => {
    expect(fresh().resolve(listing("A", "Everton", "Fulham", at("23:55", "2025-03-01"))).key).toBe(
      "2025-03-01:everton~fulham"
    )
  })
})

describe("fuzzy joins", () => {
  it("join when both teams are similar, within the kickoff window", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))
    expect(index.resolve(listing("B", "Crawley", "Gillingham", at("15:05")))).toEqual(a)
    expect(index.resolve(listing("C", "Crawley Town FC", "Gillingham", at("14:52")))).toEqual(a)
  })

  it("not outside the kickoff window: the next kickoff slot is another fixture", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))
    expect(index.resolve(listing("B", "Crawley", "Gillingham", at("15:15"))).key).not.toBe(a.key)
  })

  it("require both teams", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))
    const b = index.resolve(listing("B", "Crawley", "Barnet", at("15:00")))
    const c = index.resolve(listing("C", "Walsall", "Gillingham", at("15:00")))
    expect(new Set([a.key, b.key, c.key]).size).toBe(3)
  })

  it("refuse when two fixtures are about as close, reporting both as candidates", () => {
    const index = fresh()
    const city = index.resolve(listing("A", "Bristol City", "Newport County", at("15:00")))
    const rovers = index.resolve(listing("B", "Bristol Rovers", "Newport County", at("15:00")))
    const vague = index.resolve(listing("C", "Bristol", "Newport County", at("15:00")))
    expect([city.key, rovers.key]).not.toContain(vague.key)
    expect(vague.unmatched?.reason).toMatch(/^ambiguous/)
    expect(vague.unmatched?.candidates.map((c) => c.key).sort()).toEqual([city.key, rovers.key].sort())
    for (const c of vague.unmatched?.candidates ?? []) expect(c.score).toBeGreaterThan(0.75)
  })

  it("the competition can settle it: a different league counts against a candidate", () => {
    const index = fresh()
    const city = index.resolve(listing("A", "Bristol City", "Newport County", at("15:00"), "Championship"))
    index.resolve(listing("B", "Bristol Rovers", "Newport County", at("15:00"), "League One"))
    expect(index.resolve(listing("C", "Bristol", "Newport County", at("15:00"), "EFL Championship"))).toEqual(city)
  })

  it("a league named differently is not fatal", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00"), "League Two"))
    expect(index.resolve(listing("B", "Crawley", "Gillingham", at("15:00"), "England 4th Tier"))).toEqual(a)
  })

  it("equal names win over a spelling variant: near-identical clubs stay apart", () => {
    const index = fresh()
    const fort = index.resolve(listing("A", "Olympique Châtelfort", "Beaumont", at("18:00")))
    const font = index.resolve(listing("A", "Olympique Châtelfont", "Beaumont", at("18:00")))
    expect(font.key).not.toBe(fort.key)
    expect(index.resolve(listing("B", "Olympique Chatelfort", "Beaumont", at("18:02")))).toEqual(fort)
    expect(index.resolve(listing("B", "Ol. Chatelfont", "Beaumont", at("18:02")))).toEqual(font)
    // Names built on one beginning are no spelling variants of one another.
    const real = index.resolve(listing("A", "Real Castelreal", "Atlético Castelllano", at("14:45")))
    expect(index.resolve(listing("B", "Castelalto Calcio", "Castelalto", at("14:45"))).key).not.toBe(real.key)
  })

  it("a refused listing's fixture takes no other bookmaker's listing, only its own bookmaker's later polls", () => {
    const index = fresh()
    const fc = index.resolve(listing("A", "Oostzijl FC", "Berghoven FC", at("14:15")))
    const sc = index.resolve(listing("A", "SC Oostzijl", "SC Berghoven", at("14:15")))
    const refused = index.resolve(listing("B", "Oostzijl", "Berghoven", at("14:17")))
    expect(refused.unmatched?.reason).toMatch(/^ambiguous/)
    // Another bookmaker's bare listing is as ambiguous: refused again, with the real fixtures as candidates only.
    const again = index.resolve(listing("D", "Oostzijl", "Berghoven", at("14:16")))
    expect([fc.key, sc.key, refused.key]).not.toContain(again.key)
    expect(again.unmatched?.candidates.map((c) => c.key).sort()).toEqual([fc.key, sc.key].sort())
    // The refused bookmaker moving its kickoff keeps its key.
    expect(index.resolve(listing("B", "Oostzijl", "Berghoven", at("14:30"))).key).toBe(refused.key)
  })

  it("refuse when both teams are named only in part: the towns' other clubs may play in the slot", () => {
    const index = fresh()
    const city = index.resolve(listing("A", "Cedardale City", "Greenwood City", at("17:00")))
    const bare = index.resolve(listing("B", "Cedardale", "Greenwood", at("17:05")))
    expect(bare.key).not.toBe(city.key)
    expect(bare.unmatched?.reason).toMatch(/^partial names/)
    expect(bare.unmatched?.candidates.map((c) => c.key)).toEqual([city.key])
    // Its fixture stays open: the fixture B meant (Cedardale FC v Greenwood SC) gathers there.
    expect(index.resolve(listing("A", "Cedardale FC", "Greenwood SC", at("17:00"))).key).toBe(bare.key)
    expect(index.resolve(listing("C", "Cedardale City", "Greenwood City", at("17:02"))).key).toBe(city.key)
  })

  it("a legal form plus the town is a whole name, not a shorter form of one with more words", () => {
    const index = fresh()
    const city = index.resolve(listing("A", "Cedardale City", "Greenwood City", at("17:00")))
    expect(index.resolve(listing("D", "Cedardale", "Greenwood SC", at("17:00"))).key).not.toBe(city.key)
    expect(index.resolve(listing("B", "Cedardale FC", "Greenwood City", at("17:00"))).key).not.toBe(city.key)
  })

  it("a listing written like a fixture its bookmaker lists under other names gets a fixture no one else joins", () => {
    const index = fresh()
    const olympique = index.resolve(listing("A", "Olympique Châtelrive", "FC Châtelville", at("18:30")))
    // D's listing of FC Châtelrive v SC Châtelville without forms fits the only fixture known, as "Crawley v
    // Gillingham" fits "Crawley Town v Gillingham FC": one team equal, the other named in part. Nothing tells it apart yet.
    expect(index.resolve(listing("D", "Chatelrive", "Chatelville", at("18:30")))).toEqual(olympique)
    // D's own Olympique Châtelrive v FC Châtelville cannot join it twice; its fixture must not draw A's FC v SC.
    const displaced = index.resolve(listing("D", "Olympique Chatelrive", "FC Chatelville", at("18:33")))
    expect(displaced.key).not.toBe(olympique.key)
    const fc = index.resolve(listing("A", "FC Châtelrive", "SC Châtelville", at("18:33")))
    expect([olympique.key, displaced.key]).not.toContain(fc.key)
  })

  it("a bookmaker already listing a fixture under other names does not join it again", () => {
    const index = fresh()
    const a = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))
    expect(index.resolve(listing("A", "Crawley", "Gillingham", at("15:00"))).key).not.toBe(a.key)
    // Not even by exact identity: its two listings are two clubs of one town.
    const bare = index.resolve(listing("A", "Oostzijl", "Berghoven", at("14:15")))
    expect(index.resolve(listing("A", "SC Oostzijl", "SC Berghoven", at("14:30"))).key).not.toBe(bare.key)
  })
})

describe("hard negatives at fixture level", () => {
  const pairs: ReadonlyArray<readonly [readonly [string, string], readonly [string, string]]> = [
    [["Man Utd", "Liverpool"], ["Man City", "Liverpool"]],
    [["Inter", "Orlando City"], ["Inter Miami", "Orlando City"]],
    [["Sporting CP", "Porto"], ["Sporting Gijón", "Porto"]],
    [["Arsenal", "Chelsea"], ["Arsenal Women", "Chelsea Women"]],
    [["Real Madrid", "Getafe"], ["Real Madrid Castilla", "Getafe B"]],
    [["Barcelona", "Girona"], ["Barcelona Atlètic", "Girona B"]],
    [["Bayern München", "Augsburg"], ["Bayern München II", "Augsburg II"]],
    [["Liverpool", "Everton"], ["Liverpool U21", "Everton U21"]],
    [["Liverpool U21", "Everton U21"], ["Liverpool U23", "Everton U23"]],
    [["Real Madrid", "Valencia"], ["Atlético Madrid", "Valencia"]],
    [["Bayern München", "Nürnberg"], ["1860 München", "Nürnberg"]]
  ]
  it.each(pairs)("%j and %j get different keys, in either order", (first, second) => {
    for (const [x, y] of [[first, second], [second, first]]) {
      const index = fresh()
      const a = index.resolve(listing("A", x[0], x[1], at("15:00")))
      const b = index.resolve(listing("B", y[0], y[1], at("15:00")))
      expect(b.key).not.toBe(a.key)
    }
  })
})

describe("stability", () => {
  it("the same fixture polled again, by the same or another bookmaker, keeps its key", () => {
    const index = fresh()
    const first = index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))
    for (let poll = 0; poll < 5; poll++) {
      index.resolve(listing("A", `Team ${poll}`, `Other ${poll}`, at("15:00")))
      expect(index.resolve(listing("A", "Crawley Town", "Gillingham FC", at("15:00")))).toEqual(first)
      expect(index.resolve(listing("B", "Crawley", "Gillingham", at("15:05")))).toEqual(first)
    }
    expect(index.size).toBe(6)
  })

  it("the same input in the same order gives the same keys", () => {
    const input = [
      listing("A", "Bristol City", "Newport County", at("15:00")),
      listing("B", "Bristol Rovers", "Newport County", at("15:00")),
      listing("C", "Bristol", "Newport", at("15:00")),
      listing("A", "Everton", "Fulham", at("12:00"))
    ]
    const run = () => {
      const index = fresh()
      return input.map((l) => index.resolve(l))
    }
    expect(run()).toEqual(run())
  })

  it("an invalid kickoff gets a key of its own, reported as unmatched", () => {
    const resolution = fresh().resolve(listing("A", "Everton", "Fulham", "soon"))
    expect(resolution.key).toBe("undated:everton~fulham")
    expect(resolution.unmatched?.reason).toMatch(/invalid kickoff/)
  })
})

describe("eviction", () => {
  it("drops fixtures kicked off longer ago than the retention, and only those", () => {
    const index = fresh()
    const old = index.resolve(listing("A", "Everton", "Fulham", at("10:00")))
    index.resolve(listing("A", "Crawley Town", "Gillingham", at("20:00")))
    expect(index.evict(Date.parse(at("21:00")))).toBe(0)
    expect(index.evict(Date.parse(at("10:00")) + defaultSettings.retention + 1)).toBe(1)
    expect(index.size).toBe(1)
    // Forgotten everywhere: a late listing starts a new fixture rather than reviving the old one's state.
    const again = index.resolve(listing("B", "Everton", "Fulham", at("10:00")))
    expect(again.key).toBe(old.key)
    expect(index.size).toBe(2)
  })
})
