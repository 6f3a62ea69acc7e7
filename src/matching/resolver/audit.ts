// The `resolve` command's core: JSON lines in, one line out per listing with the key it gets. Listings
// resolve only against listings of the same `batch`, each batch with its own index.
import { Effect, Result, Schema, Stdio, Stream } from "effect"
import { loadLexicon } from "./aliases.ts"
import type { Lexicon } from "./names.ts"
import { ResolverConfig } from "./ResolverConfig.ts"
import { ResolverIndex, type ResolverSettings } from "./ResolverIndex.ts"

const Timestamp = Schema.String.check(
  Schema.makeFilter((s: string) => !Number.isNaN(Date.parse(s)) || "Expected an ISO-8601 date-time")
)

export const AuditListing = Schema.Struct({
  bookmaker: Schema.NonEmptyString,
  home: Schema.NonEmptyString,
  away: Schema.NonEmptyString,
  kickoff: Timestamp,
  league: Schema.optionalKey(Schema.NullOr(Schema.String)),
  batch: Schema.optionalKey(Schema.NullOr(Schema.Union([Schema.String, Schema.Finite])))
})
const decodeLine = Schema.decodeUnknownResult(Schema.fromJsonString(AuditListing))

export interface AuditLine {
  /** The JSON line to print: the resolution, or `{"error": …}` so outputs stay aligned with inputs. */
  readonly output: string
  readonly error?: string
}

/** Resolves numbered input lines one by one; keeps one index per batch value. */
export const makeAuditor = (lexicon: Lexicon, settings: ResolverSettings) => {
  const batches = new Map<string, ResolverIndex>()
  return (text: string, lineNumber: number): AuditLine => {
    const decoded = decodeLine(text)
    if (Result.isFailure(decoded)) {
      const error = `line ${lineNumber}: ${decoded.failure.message.replaceAll("\n", " ")}`
      return { output: JSON.stringify({ error }), error }
    }
    const { batch, league, ...listing } = decoded.success
    const batchKey = JSON.stringify(batch ?? null)
    let index = batches.get(batchKey)
    if (index === undefined) {
      index = new ResolverIndex(lexicon, settings)
      batches.set(batchKey, index)
    }
    return { output: JSON.stringify(index.resolve({ ...listing, league: league ?? undefined })) }
  }
}

/** stdin → stdout, errors (with line numbers) → stderr; returns how many lines were bad. */
export const resolveCommand = Effect.gen(function*() {
  const stdio = yield* Stdio.Stdio
  const config = yield* ResolverConfig
  const audit = makeAuditor(yield* loadLexicon(config.aliases), config.settings)
  let bad = 0
  yield* stdio.stdin.pipe(
    Stream.decodeText(),
    Stream.splitLines,
    Stream.zipWithIndex,
    Stream.filter(([text]) => text.trim() !== ""),
    Stream.mapEffect(([text, i]) => {
      const line = audit(text, i + 1)
      if (line.error === undefined) return Effect.succeed(`${line.output}\n`)
      bad++
      return Stream.make(`${line.error}\n`).pipe(Stream.run(stdio.stderr()), Effect.as(`${line.output}\n`))
    }),
    Stream.run(stdio.stdout())
  )
  return { bad }
})
