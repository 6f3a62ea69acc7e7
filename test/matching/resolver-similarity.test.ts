// Team similarity: what counts as the same club, and the hard negatives that must never join.
import { describe, expect, it } from "@effect/vitest"
import { type Lexicon } from "../../src/matching/resolver/names.ts"
import { editDistance, jaroWinkler, leagueAgreement, teamSimilarity, wordMatch } from "../../src/matching/resolver/similarity.ts"
import { nameLeague } from "../../src/matching/resolver/names.ts"
import { lexicon, rulesOnly, team } from "./resolverSupport.ts"

const similarity = (a: string, b: string, lex: Lexicon = rulesOnly) => teamSimilarity(team(a, lex), team(b, lex))

describe("word similarity", () => {
  it("Jaro-Winkler on known values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3)
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3)
    expect(jaroWinkler("abc", "xyz")).toBe(0)
  })

  it("credits abbreviations by prefix or by letters in order, and spelling variants", () => {
    expect(wordMatch("bromwich", "brom").abbreviates).toBe("b")
    expect(wordMatch("nottm", "nottingham").abbreviates).toBe("a")
    expect(wordMatch("feyenoord", "feijenoord").sim).toBeGreaterThan(0.9)
    expect(wordMatch("ham", "city").sim).toBe(0)
    expect(wordMatch("18", "1860").sim).toBe(0)
  })

  it("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("kitten", "sitting")).toBe(3)
    expect(editDistance("olympiacos", "olympiakos")).toBe(1)
    expect(editDistance("ab", "ba")).toBe(1)
    expect(editDistance("", "abc")).toBe(3)
  })

  it("a spelling variant is a letter or two apart, not just a shared beginning", () => {
    expect(wordMatch("chatelfort", "chatelfont").sim).toBeGreaterThan(0.9)
    expect(wordMatch("rennais", "rennes").sim).toBeGreaterThan(0.9)
    // Jaro-Winkler alone rates these above 0.9: town names built on one beginning.
    expect(jaroWinkler("castelreal", "castelalto")).toBeGreaterThan(0.9)
    expect(wordMatch("castelreal", "castelalto").sim).toBe(0)
    expect(wordMatch("castelmayor", "castelnar").sim).toBe(0)
    expect(wordMatch("olympiacos", "olympiakos").sim).toBeGreaterThan(0.9)
  })
})

describe("same club under other names (general rules, no club aliases)", () => {
  it.each([
    ["Tottenham", "Tottenham Hotspur FC"],
    ["Brighton", "Brighton & Hove Albion"],
    ["Leeds", "Leeds United"],
    ["PSG", "Paris Saint-Germain"],
    ["Paris SG", "Paris Saint-Germain"],
    ["QPR", "Queens Park Rangers"],
    ["MK Dons", "Milton Keynes Dons"],
    ["West Brom", "West Bromwich Albion"],
    ["B. Dortmund", "Borussia Dortmund"],
    ["Borussia M'gladbach", "Borussia Mönchengladbach"],
    ["Olympique Lyonnais", "Lyon"],
    ["Red Bull Salzburg", "RB Salzburg"],
    ["Olympiakos", "Olympiacos Piraeus"],
    ["Stade Rennais", "Rennes"],
    ["Schalke 04", "FC Schalke"],
    ["Hoffenheim", "TSG 1899 Hoffenheim"]
  ])("%s ~ %s", (a, b) => {
    const match = similarity(a, b)
    expect(match.conflict).toBeUndefined()
    expect(match.score).toBeGreaterThanOrEqual(0.75)
  })

  it("an exact identity scores 1", () => {
    expect(similarity("Man Utd", "Manchester United FC").score).toBe(1)
  })

  it("unrelated clubs score 0", () => {
    expect(similarity("Everton", "Liverpool")).toEqual({ score: 0 })
  })
})

describe("hard negatives", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["Man Utd", "Man City"],
    ["Manchester United", "Manchester City"],
    ["Inter", "Inter Miami"],
    ["Sporting CP", "Sporting Gijón"],
    ["Sporting", "Sporting Gijón"],
    ["Real Madrid", "Atlético Madrid"],
    ["Bayern München", "1860 München"],
    ["Arsenal", "Arsenal Women"],
    ["Arsenal", "Arsenal W"],
    ["Real Madrid", "Real Madrid Castilla"],
    ["Barcelona", "Barcelona Atlètic"],
    ["Bayern", "Bayern II"],
    ["Bayern München", "Bayern München II"],
    ["Arsenal", "Arsenal U21"],
    ["Arsenal U21", "Arsenal U23"],
    ["Chelsea U21", "Chelsea Women"],
    ["Ajax", "Jong Ajax"],
    ["Sheffield United", "Sheffield Wednesday"],
    ["Bristol City", "Bristol Rovers"],
    ["Borussia Dortmund", "Borussia Mönchengladbach"],
    ["Dinamo Zagreb", "Dinamo Bucuresti"],
    ["Newcastle United", "Newcastle Jets"],
    ["Bor. Dortmund", "Bordeaux"],
    ["West Ham", "Hamburger SV"],
    ["Bayer Leverkusen", "Bayern München"],
    ["Celtic", "Stalybridge Celtic"],
    ["SC Oostzijl", "Oostzijl FC"],
    ["SpVgg Oberdorf", "VfR Oberdorf"],
    ["Sportfreunde Kirchdorf", "TSV Kirchdorf"],
    ["Real Castelreal", "Castelalto Calcio"],
    // A legal form plus the town is a whole name: the town's other clubs are named by more words.
    ["Cedardale FC", "Cedardale City"],
    ["CD Monmayor", "Real Monmayor"],
    ["SC Castelo de Cima", "Académico Castelo de Cima"],
    ["Casalmare Calcio", "AC Casalmare"]
  ]
  it.each(cases)("%s ≠ %s (general rules)", (a, b) => expect(similarity(a, b).score).toBe(0))
  it.each(cases)("%s ≠ %s (with the alias table)", (a, b) => expect(similarity(a, b, lexicon).score).toBe(0))

  it("clubs the alias table knows apart never join, however alike their words", () => {
    expect(similarity("Inter Milan", "AC Milan", lexicon).conflict).toMatch(/different clubs/)
    expect(similarity("Lazio Roma", "AS Roma", lexicon).conflict).toMatch(/different clubs/)
    expect(similarity("Espanyol Barcelona", "Barcelona", lexicon).conflict).toMatch(/different clubs/)
  })

  it("a name without a legal form agrees with any; the same form in another language agrees", () => {
    expect(similarity("Oostzijl", "SC Oostzijl").score).toBe(1)
    expect(similarity("FK Partizan", "Partizan FC").score).toBe(1)
    expect(similarity("SC Oostzijl", "Oostzijl FC").conflict).toBe("different legal forms: oostzijl (sc) / oostzijl (fc)")
    expect(similarity("FC Barcelona", "Barcelona").score).toBe(1)
    expect(similarity("Sportfreunde Siegen", "SF Siegen").score).toBe(1)
    expect(similarity("1. FC Köln", "FC Köln").score).toBe(1)
  })

  it("names the reason", () => {
    expect(similarity("Man Utd", "Man City").conflict).toBe("distinct words: united / city")
    expect(similarity("Inter", "Inter Miami").conflict).toBe("only common words shared: inter")
    expect(similarity("Arsenal", "Arsenal Women").conflict).toBe("different sides: arsenal / arsenal (women)")
    expect(similarity("Dalton FC", "Dalton Thistle").conflict).toBe("legal form instead of words: dalton (fc) / thistle")
  })
})

describe("partial names", () => {
  it("a match by words one name lacks is partial: the shorter name may be another club of the town", () => {
    expect(similarity("Crawley", "Crawley Town FC")).toMatchObject({ partial: true })
    expect(similarity("River Springs United", "River Springs")).toMatchObject({ partial: true })
    expect(similarity("Crawley", "Crawley Town FC").score).toBeGreaterThanOrEqual(0.75)
  })

  it("equal words, abbreviations and founding years are not", () => {
    for (const [a, b] of [["Crawley", "Crawley FC"], ["Springton Ath", "Springton Athletic"], ["B. Dortmund", "Borussia Dortmund"], ["Schalke 04", "FC Schalke"], ["PSG", "Paris Saint-Germain"]]) {
      const match = similarity(a!, b!)
      expect(match.conflict, `${a} / ${b}`).toBeUndefined()
      expect(match.partial, `${a} / ${b}`).toBeUndefined()
    }
  })
})

describe("leagues", () => {
  const league = (raw: string) => nameLeague(lexicon, raw)
  it("agree when one name contains the other or an alias says so", () => {
    expect(leagueAgreement(league("Premier League"), league("England Premier League"))).toBe("same")
    expect(leagueAgreement(league("EPL"), league("Premier League"))).toBe("same")
    expect(leagueAgreement(league("LaLiga"), league("Primera Division"))).toBe("same")
  })
  it("disagree on different words or tiers, unknown when one is missing", () => {
    expect(leagueAgreement(league("Serie A"), league("Serie B"))).toBe("different")
    expect(leagueAgreement(league("Premier League"), league("Championship"))).toBe("different")
    expect(leagueAgreement(league("Super League"), league("Women's Super League"))).toBe("different")
    expect(leagueAgreement(undefined, league("Serie A"))).toBe("unknown")
  })
})
