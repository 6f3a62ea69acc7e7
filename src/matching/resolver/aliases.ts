// The alias table: naming knowledge kept as data (data/aliases.json) that users extend with their own file
// (RESOLVER_ALIASES). Decoded with Schema and checked for contradictions; a bad file is a clear error.
import { Effect, FileSystem, Result, Schema } from "effect"
import { fileURLToPath } from "node:url"
import {
  identityOf,
  type KnownTeam,
  type Lexicon,
  parseLeague,
  type ParsedName,
  orderedIdentityOf,
  parseTeam,
  rewriteWords
} from "./names.ts"
import { senior } from "./tier.ts"
import { tokenize } from "./text.ts"

/** Canonical name → the other names it goes by. */
const NameList = Schema.Record(Schema.NonEmptyString, Schema.Array(Schema.NonEmptyString))

export const AliasFile = Schema.Struct({
  /** Clubs: "Tottenham Hotspur": ["Spurs"]. Tier markers apply on top ("Spurs Women"). */
  teams: NameList,
  /** Single words: "united": ["utd"], "munchen": ["munich"]. Applied inside every name. */
  words: Schema.optionalKey(NameList),
  /** Competitions: "Premier League": ["EPL", "English Premier League"]. */
  leagues: Schema.optionalKey(NameList),
  /** Club names whose marker-like words are part of the name, not a side: "Boca Juniors", "Willem II". */
  literal: Schema.optionalKey(Schema.Array(Schema.NonEmptyString))
})
export type AliasFile = typeof AliasFile.Type

export class AliasTableInvalid extends Schema.TaggedError<AliasTableInvalid>()("AliasTableInvalid", {
  path: Schema.String,
  message: Schema.String
}) {}

/** The table shipped with the project; resolved from this module so it works from src/ and dist/. */
export const builtInAliasesPath = fileURLToPath(new URL("../../../data/aliases.json", import.meta.url))

export interface AliasSource {
  readonly path: string
  readonly file: AliasFile
}

const entries = (list: AliasFile["words"]): Array<readonly [string, ReadonlyArray<string>]> =>
  Object.entries(list ?? {})

/**
 * Lookups from alias files, in order (later files extend earlier ones). A name claimed by two different
 * canonical entries, or a "word" that is not a single word, is an error naming the file and both entries.
 */
export const compileLexicon = (sources: ReadonlyArray<AliasSource>): Result.Result<Lexicon, AliasTableInvalid> => {
  const words = new Map<string, string>()
  const leagues = new Map<string, ParsedName>()
  const canonicalLeague = new Map<string, string>()
  const fail = (path: string, message: string) => Result.fail(new AliasTableInvalid({ path, message }))

  for (const { file, path } of sources) {
    for (const [canonical, variants] of entries(file.words)) {
      const [target, ...more] = tokenize(canonical)
      if (target === undefined || more.length > 0) return fail(path, `words: "${canonical}" is not a single word`)
      for (const variant of variants) {
        const [word, ...extra] = tokenize(variant)
        if (word === undefined || extra.length > 0) {
          return fail(path, `words: "${variant}" (under "${canonical}") is not a single word`)
        }
        const previous = words.get(word)
        if (previous !== undefined && previous !== target) {
          return fail(path, `words: "${variant}" is listed under both "${previous}" and "${canonical}"`)
        }
        if (word !== target) words.set(word, target)
      }
    }
  }
  const literals: Array<ReadonlyArray<string>> = []
  for (const { file, path } of sources) {
    for (const name of file.literal ?? []) {
      const phrase = rewriteWords(words, name)
      if (phrase.length === 0) return fail(path, `literal: "${name}" has no letters`)
      literals.push(phrase)
    }
  }
  const lexicon = { words, literals }
  const teamsInOrder = new Map<string, KnownTeam>()
  const anyOrder = new Map<string, KnownTeam | "ambiguous">()
  for (const { file, path } of sources) {
    for (const [canonical, aliases] of entries(file.teams)) {
      const name = parseTeam(lexicon, canonical)
      const known: KnownTeam = { canonical, club: identityOf(name.keys, senior), name }
      for (const alias of [canonical, ...aliases]) {
        const parsed = parseTeam(lexicon, alias)
        if (parsed.tokens.length === 0) return fail(path, `teams: "${alias}" (under "${canonical}") has no letters`)
        const inOrder = orderedIdentityOf(parsed.keys, parsed.tier)
        const previous = teamsInOrder.get(inOrder)
        if (previous !== undefined && previous.canonical !== canonical) {
          return fail(path, `teams: "${alias}" is listed under both "${previous.canonical}" and "${canonical}"`)
        }
        teamsInOrder.set(inOrder, known)
        // Names that differ only in word order ("Athletic Bilbao", "Bilbao Athletic") resolve in order only.
        const id = identityOf(parsed.keys, parsed.tier)
        const other = anyOrder.get(id)
        anyOrder.set(id, other === undefined || other !== "ambiguous" && other.canonical === canonical ? known : "ambiguous")
      }
    }
    for (const [canonical, aliases] of entries(file.leagues)) {
      const league = parseLeague(words, canonical)
      for (const alias of [canonical, ...aliases]) {
        const parsed = parseLeague(words, alias)
        if (parsed.tokens.length === 0) return fail(path, `leagues: "${alias}" (under "${canonical}") has no letters`)
        const id = identityOf(parsed.keys, parsed.tier)
        const previous = canonicalLeague.get(id)
        if (previous !== undefined && previous !== canonical) {
          return fail(path, `leagues: "${alias}" is listed under both "${previous}" and "${canonical}"`)
        }
        canonicalLeague.set(id, canonical)
        leagues.set(id, league)
      }
    }
  }
  const teams = new Map([...anyOrder].flatMap(([id, k]) => (k === "ambiguous" ? [] : [[id, k] as const])))
  return Result.succeed({ words, literals, teamsInOrder, teams, leagues })
}

const decodeFile = Schema.decodeUnknownEffect(Schema.fromJsonString(AliasFile))

/** Reads and decodes one alias file. */
export const readAliasFile = Effect.fn("readAliasFile")(function*(path: string) {
  const fs = yield* FileSystem.FileSystem
  const text = yield* fs.readFileString(path).pipe(
    Effect.mapError((e) => new AliasTableInvalid({ path, message: `cannot read: ${e.message}` }))
  )
  const file = yield* decodeFile(text).pipe(
    Effect.mapError((e) => new AliasTableInvalid({ path, message: e.message.replaceAll("\n", " ") }))
  )
  return { path, file } satisfies AliasSource
})

/** The built-in table extended by the user's files. */
export const loadLexicon = Effect.fn("loadLexicon")(function*(extra: ReadonlyArray<string>) {
  const sources = yield* Effect.forEach([builtInAliasesPath, ...extra], readAliasFile)
  return yield* Effect.fromResult(compileLexicon(sources))
})
