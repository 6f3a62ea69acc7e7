// Shared by the resolver tests: the shipped alias table, compiled synchronously.
import { Result, Schema } from "effect"
import { readFileSync } from "node:fs"
import { AliasFile, builtInAliasesPath, compileLexicon } from "../../src/matching/resolver/aliases.ts"
import { type Lexicon, nameTeam, type TeamName } from "../../src/matching/resolver/names.ts"

export const builtInFile: AliasFile = Schema.decodeUnknownSync(Schema.fromJsonString(AliasFile))(
  readFileSync(builtInAliasesPath, "utf8")
)

export const lexicon: Lexicon = Result.getOrThrow(compileLexicon([{ path: builtInAliasesPath, file: builtInFile }]))

/** The shipped words (abbreviations, exonyms) but no club aliases: what the general rules do on their own. */
export const rulesOnly: Lexicon = Result.getOrThrow(
  compileLexicon([{ path: "rules", file: { teams: {}, words: builtInFile.words ?? {}, literal: builtInFile.literal ?? [] } }])
)

export const team = (raw: string, lex: Lexicon = lexicon): TeamName => nameTeam(lex, raw)
