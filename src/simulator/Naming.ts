// How each simulated bookmaker writes club names. Every bookmaker has a consistent house style; within it,
// each club gets its own seeded choices (an alternative form or not, abbreviated or not, …) that stay the
// same for every fixture and poll. Women's, youth and reserve sides always carry a marker, so a side never
// reads as its senior club (the hard negatives the resolver must keep apart).
import type { SideKind } from "./Catalogue.ts"
import type { Bookmaker } from "../domain/Market.ts"
import { unit } from "./Prng.ts"
import type { Club, Side } from "./Sides.ts"

export interface NameStyle {
  /** Per club: probability of showing the official affix ("Arsenal FC") / of dropping affix tokens ("Lazio"). */
  readonly addAffix: number
  readonly dropAffix: number
  /** Per club: diacritics kept, folded ("Atletico"), or transliterated where the language does (ü → ue). */
  readonly diacritics: "keep" | "fold" | "translit"
  readonly foldRate: number // per club, for "keep" styles: share of clubs folded anyway
  readonly abbreviate: number // per club: Utd, Man, St, Ath, Atl., …
  readonly altRate: number // per club: one of its alternative forms (exonym, short or long form)
  readonly nickRate: number // per senior side: a nickname or sponsor form
  readonly cityFirst: number // per eligible club: "Madrid Atlético"
  /** Marker for women's sides; "official" uses the country's own word ("Frauen", "Femenino"). */
  readonly women: string
  readonly markWomenOnly: boolean // add the marker even to women-only clubs ("Orlando Pride (W)")
  readonly youth: string // "{age}" is replaced by 21 or 23
  readonly reserve: string // "official" uses the country's marker ("B", "II", "Jong …")
  readonly ownName: number // per side: the club's own name for the side ("Real Madrid Castilla") instead of a marker
}

export const styles: { readonly [B in Bookmaker]: NameStyle } = {
  BookieAlpha: {
    addAffix: 0.85, dropAffix: 0, diacritics: "keep", foldRate: 0, abbreviate: 0, altRate: 0.1, nickRate: 0,
    cityFirst: 0, women: "official", markWomenOnly: false, youth: " U{age}", reserve: "official", ownName: 1
  },
  BookieBeta: {
    addAffix: 0, dropAffix: 0.9, diacritics: "fold", foldRate: 1, abbreviate: 0.8, altRate: 0.3, nickRate: 0.2,
    cityFirst: 0, women: " (W)", markWomenOnly: true, youth: " U-{age}", reserve: " B", ownName: 0.5
  },
  BookieGamma: {
    addAffix: 0.3, dropAffix: 0.2, diacritics: "keep", foldRate: 0.3, abbreviate: 0.3, altRate: 0.5, nickRate: 0.1,
    cityFirst: 0.6, women: " Ladies", markWomenOnly: false, youth: " (U{age})", reserve: " II", ownName: 0.5
  },
  BookieDelta: {
    addAffix: 0, dropAffix: 0.6, diacritics: "translit", foldRate: 1, abbreviate: 0.5, altRate: 0.2, nickRate: 0.1,
    cityFirst: 0.1, women: " W", markWomenOnly: false, youth: " Under {age}", reserve: " Reserves", ownName: 0.3
  }
}

const affixTokens = new Set([
  "FC", "AFC", "CF", "SC", "SV", "AC", "AS", "SS", "SSC", "US", "CD", "UD", "RCD", "SD", "CA", "RC", "VfB", "VfL",
  "TSG", "1.", "FSV", "BSC", "OGC", "LOSC", "RB", "SL", "FK", "JK", "SK", "CFC", "ACF", "HSC", "SCO", "EA", "SM",
  "SpVgg", "TSV", "SG", "DSC", "GD", "SSV", "AJ", "LR", "UC", "AD", "CS", "SCU", "F.C.", "ASD", "VV", "VfR"
])

const abbreviations: ReadonlyMap<string, string> = new Map([
  ["United", "Utd"], ["Manchester", "Man"], ["Saint", "St"], ["Sankt", "St."], ["Athletic", "Ath"],
  ["Atlético", "Atl."], ["Borussia", "B."], ["Deportivo", "Dep."], ["Sporting", "Sp."], ["Olympique", "Ol."],
  ["Nottingham", "Nottm"], ["Sheffield", "Sheff"], ["Wednesday", "Wed"], ["Wanderers", "W."], ["Eintracht", "E."],
  ["Rovers", "Rov."], ["Academical", "Acad."]
])

/** Club words that some books print after the city: "Atlético Madrid" → "Madrid Atlético". */
const cityFirstWords = new Set(["Atlético", "Borussia", "Eintracht", "Olympique", "Hertha", "Union", "Sporting", "Racing", "Deportivo", "Fortuna", "Werder", "Dynamo", "Hellas", "Celta"])

const special: ReadonlyMap<string, string> = new Map([["ı", "i"], ["ø", "o"], ["Ø", "O"], ["ß", "ss"], ["æ", "ae"], ["œ", "oe"], ["ł", "l"], ["đ", "d"]])
const germanTranslit: ReadonlyMap<string, string> = new Map([["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"]])

/** Strips diacritics: "Beşiktaş" → "Besiktas", "Alavés" → "Alaves", "ı" → "i". */
export const foldDiacritics = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[ıøØßæœłđ]/g, (ch) => special.get(ch) ?? ch)

const transliterate = (text: string, country: string): string =>
  foldDiacritics(country === "Germany" ? text.replace(/[äöüÄÖÜ]/g, (ch) => germanTranslit.get(ch) ?? ch) : text)

const withAffix = (name: string, club: Club): string => {
  const { affix, affixFirst } = club.spec
  if (affix === undefined || name.split(" ").some((t) => affixTokens.has(t)) || name.includes(affix)) return name
  return affixFirst ? `${affix} ${name}` : `${name} ${affix}`
}

const withoutAffix = (name: string): string => {
  const kept = name.split(" ").filter((t) => !affixTokens.has(t)).join(" ")
  return kept.length >= 3 ? kept : name
}

const cityFirst = (name: string): string => {
  const words = name.split(" ")
  return words.length === 2 && cityFirstWords.has(words[0]!) ? `${words[1]} ${words[0]}` : name
}

const abbreviate = (name: string): string =>
  name.split(" ").map((w) => abbreviations.get(w) ?? w.replace(/^Saint-/, "St-")).join(" ")

const pick = <A>(items: ReadonlyArray<A>, u: number): A => items[Math.floor(u * items.length)]!

/** A club's name in a style, before any side marker. Nicknames only for senior sides. */
const clubName = (seed: string, bookmaker: Bookmaker, club: Club, allowNick: boolean): string => {
  const style = styles[bookmaker]
  const { spec } = club
  const u = (what: string) => unit(seed, bookmaker, club.key, what)
  let name = spec.name
  const nick = allowNick && spec.nick !== undefined && u("nick") < style.nickRate
  if (nick) name = pick(spec.nick!, u("nick-pick"))
  else {
    const alternative = spec.alt !== undefined && u("alt") < style.altRate
    if (alternative) name = pick(spec.alt!, u("alt-pick"))
    if (u("add-affix") < style.addAffix) name = withAffix(name, club)
    else if (!spec.keepAffix && u("drop-affix") < style.dropAffix) name = withoutAffix(name)
    // Only the common name is turned around: "Madrid Atlético", never "KC Sporting".
    if (!alternative && u("city-first") < style.cityFirst) name = cityFirst(name)
    if (u("abbreviate") < style.abbreviate) name = abbreviate(name)
  }
  return spellIn(seed, bookmaker, club, name)
}

const spellIn = (seed: string, bookmaker: Bookmaker, club: Club, name: string): string => {
  const style = styles[bookmaker]
  if (style.diacritics === "translit") return transliterate(name, club.country)
  return style.diacritics === "fold" || unit(seed, bookmaker, club.key, "fold") < style.foldRate ? foldDiacritics(name) : name
}

const youthAge = (kind: SideKind): number => (kind === "u23" ? 23 : 21)

/** One side's name at one bookmaker. */
export const sideName = (seed: string, bookmaker: Bookmaker, side: Side): string => {
  const style = styles[bookmaker]
  const { club } = side
  const own = unit(seed, bookmaker, side.club.key, side.kind, "own") < style.ownName
  switch (side.kind) {
    case "senior":
      return clubName(seed, bookmaker, club, true)
    case "women": {
      if (club.spec.womenOnly) return clubName(seed, bookmaker, club, false) + (style.markWomenOnly ? style.women : "")
      if (club.spec.women !== undefined && own) return spellIn(seed, bookmaker, club, club.spec.women)
      const marker = style.women === "official" ? ` ${club.markers.women}` : style.women
      return clubName(seed, bookmaker, club, false) + spellIn(seed, bookmaker, club, marker)
    }
    case "u21":
    case "u23":
      return clubName(seed, bookmaker, club, false) + style.youth.replace("{age}", String(youthAge(side.kind)))
    case "reserve": {
      if (club.spec.reserve !== undefined && own) return spellIn(seed, bookmaker, club, club.spec.reserve)
      const base = clubName(seed, bookmaker, club, false)
      if (style.reserve !== "official") return base + style.reserve
      return club.markers.reservePrefix ? `${club.markers.reserve} ${base}` : `${base} ${club.markers.reserve}`
    }
  }
}

/** A competition's name at one bookmaker: spelled in its diacritics style. */
export const leagueName = (bookmaker: Bookmaker, name: string): string =>
  styles[bookmaker].diacritics === "keep" ? name : foldDiacritics(name)

const collisionKey = (name: string): string => foldDiacritics(name).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()

/**
 * Every side's name at one bookmaker, indexed by side id. A bookmaker never prints two different sides the
 * same way: a rendering that collides with an earlier side's falls back to the canonical name.
 */
export const bookmakerNames = (seed: string, bookmaker: Bookmaker, sides: ReadonlyArray<Side>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return sides.map((side) => {
    const candidates = [sideName(seed, bookmaker, side), spellIn(seed, bookmaker, side.club, side.name), side.name]
    const name = candidates.find((n) => !used.has(collisionKey(n))) ?? side.name
    used.add(collisionKey(name))
    return name
  })
}
