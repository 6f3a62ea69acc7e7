// Name normalisation: folding, affixes, abbreviations, word order, tier markers, the alias table.
import { describe, expect, it } from "@effect/vitest"
import { fold, skeleton, tokenize } from "../../src/matching/resolver/text.ts"
import { extractTier, sameTier, tierCode } from "../../src/matching/resolver/tier.ts"
import { nameLeague } from "../../src/matching/resolver/names.ts"
import { lexicon, rulesOnly, team } from "./resolverSupport.ts"

const id = (raw: string) => team(raw, rulesOnly).id

describe("folding and tokens", () => {
  it.each([
    ["Atlético Madrid", "atletico madrid"],
    ["Bayern München", "bayern munchen"],
    ["FC København", "fc kobenhavn"],
    ["Bodø/Glimt", "bodo/glimt"],
    ["Fortuna Düsseldorf", "fortuna dusseldorf"],
    ["Śląsk Wrocław", "slask wroclaw"],
    ["Beşiktaş", "besiktas"],
    ["İstanbul Başakşehir", "istanbul basaksehir"],
    ["Borussia Mönchengladbach", "borussia monchengladbach"],
    ["1. FC Nürnberg", "1. fc nurnberg"],
    ["SønderjyskE", "sonderjyske"],
    ["Eintracht Straße", "eintracht strasse"],
    ["Ægir", "aegir"],
    ["Hafnarfjörður", "hafnarfjordur"]
  ])("fold(%s) = %s", (raw, folded) => expect(fold(raw)).toBe(folded))

  it("splits on punctuation, joins apostrophes and dotted initialisms", () => {
    expect(tokenize("Nott'm Forest")).toEqual(["nottm", "forest"])
    expect(tokenize("A.C. Milan")).toEqual(["ac", "milan"])
    expect(tokenize("Bor.Dortmund")).toEqual(["bor", "dortmund"])
    expect(tokenize("1. FC Köln")).toEqual(["1", "fc", "koln"])
    expect(tokenize("Paris Saint-Germain")).toEqual(["paris", "saint", "germain"])
    expect(tokenize("Brighton & Hove Albion")).toEqual(["brighton", "hove", "albion"])
    expect(tokenize("Arsenal Women's")).toEqual(["arsenal", "womens"])
    expect(tokenize("Chelsea (W)")).toEqual(["chelsea", "w"])
  })

  it("compares German umlauts written out equal to folded ones", () => {
    expect(skeleton("muenchen")).toBe(skeleton("munchen"))
    expect(id("1. FC Koeln")).toBe(id("1. FC Köln"))
    expect(id("Borussia Moenchengladbach")).toBe(id("Borussia Mönchengladbach"))
  })
})

describe("affixes", () => {
  it.each([
    ["FC Barcelona", "Barcelona"],
    ["Real Madrid CF", "Real Madrid"],
    ["AFC Bournemouth", "Bournemouth"],
    ["SC Freiburg", "Freiburg"],
    ["SV Werder Bremen", "Werder Bremen"],
    ["AC Monza", "Monza"],
    ["AS Roma", "Roma"],
    ["SS Lazio", "Lazio"],
    ["FK Partizan", "Partizan"],
    ["1. FC Union Berlin", "Union Berlin"],
    ["1. FSV Mainz 05", "Mainz 05"],
    ["A.C. Milan", "Milan"],
    ["Club Brugge KV", "Brugge"],
    ["Valencia C.F.", "Valencia"]
  ])("%s = %s", (a, b) => expect(id(a)).toBe(id(b)))

  it("keeps an affix when it is the whole name", () => {
    expect(team("AS", rulesOnly).tokens).toEqual(["as"])
    expect(team("FC", rulesOnly).tokens).toEqual(["fc"])
    expect(team("AC Milan", rulesOnly).tokens).toEqual(["milano"])
  })

  it("drops articles but not the words they join", () => {
    expect(id("Atlético de Madrid")).toBe(id("Atletico Madrid"))
    expect(id("Brighton and Hove Albion")).toBe(id("Brighton & Hove Albion"))
  })
})

describe("abbreviations and exonyms (data/aliases.json words)", () => {
  it.each([
    ["Man Utd", "Manchester United"],
    ["Man City", "Manchester City"],
    ["St. Pauli", "Sankt Pauli"],
    ["St Etienne", "Saint-Étienne"],
    ["Ath Bilbao", "Athletic Bilbao"],
    ["Atl. Madrid", "Atletico Madrid"],
    ["Sheffield Wed", "Sheffield Wednesday"],
    ["Nottm Forest", "Nottingham Forest"],
    ["Bayern Munich", "Bayern München"],
    ["Dynamo Kiev", "Dinamo Kyiv"],
    ["Sparta Prague", "Sparta Praha"],
    ["Sporting Lisbon", "Sporting Lisboa"]
  ])("%s = %s", (a, b) => expect(id(a)).toBe(id(b)))
})

describe("city-first forms", () => {
  it("compares names regardless of word order", () => {
    expect(id("Munich Bayern")).toBe(id("Bayern Munich"))
    expect(id("Praha Sparta")).toBe(id("Sparta Praha"))
    expect(id("Kyiv Dynamo")).toBe(id("Dynamo Kyiv"))
    expect(id("Madrid Atlético")).toBe(id("Atlético Madrid"))
  })

  it("keys keep the written order", () => {
    expect(team("Bayern Munich", rulesOnly).slug).toBe("bayern-munchen")
  })
})

describe("tier markers", () => {
  const tierOf = (raw: string) => tierCode(team(raw, rulesOnly).tier)
  it.each([
    ["Arsenal Women", "women"],
    ["Arsenal W", "women"],
    ["Arsenal (W)", "women"],
    ["Arsenal Women's", "women"],
    ["Arsenal Ladies", "women"],
    ["Barcelona Femenino", "women"],
    ["Lyon Féminin", "women"],
    ["Wolfsburg Frauen", "women"],
    ["Juventus Femminile", "women"],
    ["Arsenal U21", "u21"],
    ["Arsenal U-21", "u21"],
    ["Arsenal U 21", "u21"],
    ["Arsenal Under 21", "u21"],
    ["Arsenal Under-21s", "u21"],
    ["Flamengo Sub-20", "u20"],
    ["Chelsea U17", "u17"],
    ["Liverpool U23", "u23"],
    ["Roma Primavera", "youth"],
    ["Ajax Youth", "youth"],
    ["Benfica Juniors", "youth"],
    ["Real Madrid B", "ii"],
    ["Bayern München II", "ii"],
    ["Dortmund 2", "ii"],
    ["Everton Reserves", "ii"],
    ["Real Madrid Castilla", "ii"],
    ["Barcelona Atlètic", "ii"],
    ["Jong Ajax", "ii"],
    ["Arsenal Women U19", "women-u19"],
    ["Arsenal", ""],
    ["Mainz 05", ""],
    ["Hannover 96", ""]
  ])("%s → %s", (raw, code) => expect(tierOf(raw)).toBe(code))

  it("a dotted initial abbreviates a word and is no marker", () => {
    expect(tierOf("Mönchengladbach B.")).toBe("")
    expect(tierOf("Wolverhampton W.")).toBe("")
    expect(id("Mönchengladbach B.")).toBe(id("B. Mönchengladbach"))
  })

  it("never takes a marker that is the whole name", () => {
    expect(team("Castilla", rulesOnly).tokens).toEqual(["castilla"])
    expect(tierOf("Castilla")).toBe("")
    expect(tierOf("Jong")).toBe("")
  })

  it("keeps marker-like words of a club's own name (data/aliases.json literal)", () => {
    expect(tierOf("Boca Juniors")).toBe("")
    expect(tierOf("Boca Juniors U20")).toBe("u20")
    expect(tierOf("Willem II")).toBe("")
    expect(extractTier(["boca", "juniors"], true).tier.youth).toBe("youth")
  })

  it("a youth side without an age agrees with any age group, never with a senior side", () => {
    const [youth, u19, u21, first] = ["Ajax Youth", "Ajax U19", "Ajax U21", "Ajax"].map((n) => team(n, rulesOnly).tier)
    expect(sameTier(youth!, u19!)).toBe(true)
    expect(sameTier(u19!, u21!)).toBe(false)
    expect(sameTier(youth!, first!)).toBe(false)
  })

  it("a women's or youth competition marks both teams", () => {
    const league = nameLeague(lexicon, "Women's Super League")
    expect(tierCode(league.tier)).toBe("women")
    expect(tierCode(nameLeague(lexicon, "NWSL").tier)).toBe("women")
    expect(tierCode(nameLeague(lexicon, "Kadınlar Süper Ligi").tier)).toBe("women")
    expect(tierCode(nameLeague(lexicon, "Premier League U21").tier)).toBe("u21")
    expect(tierCode(nameLeague(lexicon, "Serie B").tier)).toBe("")
  })
})

describe("alias table", () => {
  it("maps known names to their canonical club", () => {
    expect(team("Spurs").canonical).toBe("Tottenham Hotspur")
    expect(team("Inter").canonical).toBe("Internazionale")
    expect(team("Inter Milan").canonical).toBe("Internazionale")
    expect(team("Inter Miami").canonical).toBe("Inter Miami CF")
    expect(team("Wolves").id).toBe(team("Wolverhampton Wanderers FC").id)
    expect(team("Barça").id).toBe(team("FC Barcelona").id)
  })

  it("keeps tier markers on top of an alias", () => {
    const spursWomen = team("Spurs Women")
    expect(spursWomen.canonical).toBe("Tottenham Hotspur")
    expect(tierCode(spursWomen.tier)).toBe("women")
    expect(spursWomen.slug).toBe("tottenham-hotspur-women")
  })

  it("an alias can name a second team by itself, its markers included", () => {
    expect(team("Castilla").id).toBe(team("Real Madrid B").id)
    expect(tierCode(team("Castilla").tier)).toBe("ii")
    expect(team("Juventus Next Gen").id).toBe(team("Juventus II").id)
    expect(team("Atalanta U23").id).toBe(team("Atalanta B").id)
    expect(team("Atalanta U23").known).toBe(team("Atalanta").known)
  })

  it("names that differ only in word order can be different sides", () => {
    expect(tierCode(team("Bilbao Athletic").tier)).toBe("ii")
    expect(tierCode(team("Athletic Bilbao").tier)).toBe("")
    expect(team("Bilbao Athletic").known).toBe(team("Athletic Bilbao").known)
  })

  it("records legal forms by class: the same form in another language is the same class", () => {
    expect(team("SC Oostzijl", rulesOnly).forms).toEqual(["sc"])
    expect(team("FC Barcelona", rulesOnly).forms).toEqual(team("Barcelona CF", rulesOnly).forms)
    expect(team("FK Partizan", rulesOnly).forms).toEqual(["fc"])
    // Italian "Calcio" stands where others write FC.
    expect(team("Sassuolo Calcio", rulesOnly)).toMatchObject({ tokens: ["sassuolo"], forms: ["fc"] })
    // German forms written out are forms too; a leading "1." is written otherwise than without.
    expect(team("Sportfreunde Lotte", rulesOnly)).toMatchObject({ tokens: ["lotte"], forms: ["sf"] })
    expect(team("SpVgg Unterhaching", rulesOnly).forms).toEqual(team("Spielvereinigung Unterhaching", rulesOnly).forms)
    expect(team("1. FC Köln", rulesOnly)).toMatchObject({ id: team("FC Köln", rulesOnly).id, forms: ["1", "fc"] })
  })

  it("unknown names are their own normalised words", () => {
    const name = team("Crawley Town FC")
    expect(name.canonical).toBeUndefined()
    expect(name.slug).toBe("crawley-town")
  })
})
