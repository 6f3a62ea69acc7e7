// Name normalisation: a bookmaker's team or league name → the words that identify it, its tier, and the
// club the alias table knows it as. Pure; the lexicon is compiled from data/aliases.json (aliases.ts).
import { slugOf, skeleton, tokenize } from "./text.ts"
import { extractTier, mergeTiers, senior, type Tier, tierCode } from "./tier.ts"
import { affixes, legalForms, stopwords } from "./vocabulary.ts"

/** Naming knowledge as lookups, compiled from the alias files. */
export interface Lexicon {
  /** Word variant → canonical word: abbreviations ("utd" → "united"), exonyms ("munich" → "munchen"). */
  readonly words: ReadonlyMap<string, string>
  /** Club names whose marker-like words are their own ("Boca Juniors", "Willem II"), as rewritten words. */
  readonly literals: ReadonlyArray<ReadonlyArray<string>>
  /** A canonical club name or alias, its words in written order → that club ("bilbao athletic|" is a B side). */
  readonly teamsInOrder: ReadonlyMap<string, KnownTeam>
  /** The same in any word order ("munchen bayern|"), where that names one club only. */
  readonly teams: ReadonlyMap<string, KnownTeam>
  /** Identity of a league name or alias → the canonical league. */
  readonly leagues: ReadonlyMap<string, ParsedName>
}

export interface KnownTeam {
  readonly canonical: string
  /** The club, whatever its side: the canonical name's identity without tier ("athletic" for "Athletic Club B"). */
  readonly club: string
  readonly name: ParsedName
}

export interface ParsedName {
  /** Folded words in written order (for keys). */
  readonly tokens: ReadonlyArray<string>
  /** The same words in comparison form (see `skeleton`). */
  readonly keys: ReadonlyArray<string>
  readonly tier: Tier
  /**
   * Classes of the legal forms the name was written with ("SC Oostzijl" → ["sc"]; see `legalForms`), and
   * "1" for a leading "1." ("1. FC Oberdorf" → ["1", "fc"]: written otherwise than "FC Oberdorf").
   */
  readonly forms: ReadonlyArray<string>
}

export interface TeamName extends ParsedName {
  /** Exact identity: the comparison words in any order, plus the tier ("madrid real|ii"). */
  readonly id: string
  /** The club as the alias table knows it (`KnownTeam.club`), when it knows the name. */
  readonly known: string | undefined
  /** … and its canonical name. */
  readonly canonical: string | undefined
  /** Readable form for keys: "tottenham-hotspur", "arsenal-women". */
  readonly slug: string
}

export const identityOf = (keys: ReadonlyArray<string>, tier: Tier): string =>
  `${[...keys].sort().join(" ")}|${tierCode(tier)}`

export const orderedIdentityOf = (keys: ReadonlyArray<string>, tier: Tier): string => `${keys.join(" ")}|${tierCode(tier)}`

const rewrite = (words: ReadonlyMap<string, string>, tokens: ReadonlyArray<string>): Array<string> =>
  tokens.map((t) => words.get(t) ?? t)

/** Drops what does not identify the club (legal forms, articles, a leading "1."), unless nothing would remain. */
const core = (tokens: ReadonlyArray<string>): ReadonlyArray<string> => {
  const kept = tokens.filter((t, i) => !affixes.has(t) && !stopwords.has(t) && !(i === 0 && t === "1"))
  const noArticles = tokens.filter((t) => !stopwords.has(t))
  return (kept.length > 0 ? kept : noArticles.length > 0 ? noArticles : tokens).map(undot)
}

/** A dotted initial ("B." in "Mönchengladbach B.") is kept dotted until tier markers are out, then plain. */
const undot = (token: string) => (token.endsWith(".") ? token.slice(0, -1) : token)

/** Positions of the words that belong to a literal club name occurring in `tokens`. */
const literalPositions = (literals: Lexicon["literals"], tokens: ReadonlyArray<string>): Set<number> => {
  const kept = new Set<number>()
  for (const phrase of literals) {
    for (let start = 0; start + phrase.length <= tokens.length; start++) {
      if (phrase.every((w, i) => tokens[start + i] === w)) phrase.forEach((_, i) => kept.add(start + i))
    }
  }
  return kept
}

/** Rewrites words ("utd" → "united") in the written order. */
export const rewriteWords = (words: Lexicon["words"], raw: string): Array<string> => rewrite(words, tokenize(raw))

/** A club name without the alias table: words, tier markers taken out, affixes dropped, abbreviations expanded. */
export const parseTeam = (lexicon: Pick<Lexicon, "words" | "literals">, raw: string): ParsedName => {
  const words = rewriteWords(lexicon.words, raw)
  const { rest, tier } = extractTier(words, true, literalPositions(lexicon.literals, words))
  const tokens = core(rest)
  const numbered = rest.length > 1 && rest[0] === "1" ? ["1"] : []
  const forms = [...new Set([...numbered, ...rest.flatMap((t) => legalForms.get(t) ?? [])])].sort()
  return { tokens, keys: tokens.map(skeleton), tier, forms }
}

const teamName = (parsed: ParsedName, known: KnownTeam | undefined): TeamName => {
  const code = tierCode(parsed.tier)
  return {
    ...parsed,
    id: identityOf(parsed.keys, parsed.tier),
    known: known?.club,
    canonical: known?.canonical,
    slug: slugOf(code === "" ? parsed.tokens : [...parsed.tokens, code])
  }
}

const lookup = (lexicon: Lexicon, keys: ReadonlyArray<string>, tier: Tier): KnownTeam | undefined =>
  lexicon.teamsInOrder.get(orderedIdentityOf(keys, tier)) ?? lexicon.teams.get(identityOf(keys, tier))

/**
 * A bookmaker's team name, resolved through the alias table: first the whole name with its markers
 * ("Castilla", "Atalanta U23" for a B side), then the name without them ("Spurs Women" → Tottenham Hotspur,
 * women's side). `extra` adds a tier known from elsewhere (the competition: "Women's Super League").
 */
export const nameTeam = (lexicon: Lexicon, raw: string, extra: Tier = senior): TeamName => {
  const parsed = parseTeam(lexicon, raw)
  const whole = lookup(lexicon, parsed.keys, parsed.tier)
  const { forms } = parsed
  if (whole !== undefined) return teamName({ ...whole.name, tier: mergeTiers(whole.name.tier, extra), forms }, whole)
  const bare = tierCode(parsed.tier) === "" ? undefined : lookup(lexicon, parsed.keys, senior)
  const tier = mergeTiers(parsed.tier, extra)
  return bare === undefined
    ? teamName({ ...parsed, tier }, undefined)
    : teamName({ ...bare.name, tier: mergeTiers(bare.name.tier, tier), forms }, bare)
}

export interface LeagueName {
  readonly keys: ReadonlyArray<string>
  readonly id: string
  /** Women's or youth competition: applies to both teams when their names do not say so. */
  readonly tier: Tier
}

/** A league name's words (articles dropped, abbreviations expanded), through the league aliases. */
export const parseLeague = (words: Lexicon["words"], raw: string): ParsedName => {
  const { rest, tier } = extractTier(rewriteWords(words, raw), false)
  const tokens = rest.filter((t) => !stopwords.has(t))
  const kept = (tokens.length > 0 ? tokens : rest).map(undot)
  return { tokens: kept, keys: kept.map(skeleton), tier, forms: [] }
}

export const nameLeague = (lexicon: Lexicon, raw: string): LeagueName => {
  const parsed = parseLeague(lexicon.words, raw)
  const league = lexicon.leagues.get(identityOf(parsed.keys, parsed.tier)) ?? parsed
  return { keys: league.keys, id: identityOf(league.keys, league.tier), tier: league.tier }
}
