// Decoding a bookmaker payload item by item: one bad event is skipped with the path where it failed, the
// rest of the payload goes on. Pure: the extractor counts and logs what was skipped.
import { Result, Schema, SchemaIssue } from "effect"
import type { Quote } from "../domain/Quote.ts"

/** Where in a payload something failed, as `$.data[3].odds`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`), "$")

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** The first problem of a decoding issue, with its full path from the payload's root. */
export const describeIssue = (
  issue: SchemaIssue.Issue,
  at: ReadonlyArray<PropertyKey> = []
): { readonly path: string; readonly message: string } => {
  const first = formatter(issue).issues[0]
  const path = [...at, ...(first?.path ?? []).map((k) => (typeof k === "object" ? k.key : k))]
  return { path: formatPath(path), message: first?.message ?? "invalid" }
}

export interface Skipped {
  readonly path: string
  readonly reason: string
}

export interface Collected<B> {
  readonly items: ReadonlyArray<B>
  readonly skipped: ReadonlyArray<Skipped>
}

/** What a bookmaker's normalisation returns for one payload (or a whole job, once merged). */
export type Normalised = Collected<Quote>

export const mergeCollected = <B>(parts: ReadonlyArray<Collected<B>>): Collected<B> => ({
  items: parts.flatMap((p) => p.items),
  skipped: parts.flatMap((p) => p.skipped)
})

/**
 * The decoder of the items of one array in a payload (at `at`, as `["data"]`), built once per item Schema:
 * each item is decoded with `schema`, then converted; an item that fails either step is skipped with its
 * path and reason. `convert` fails with a reason for an item that decodes but cannot be used (e.g. an
 * outcome missing from the market).
 *
 * The bookmakers' item Schemas are structure and checks only, so an item the Schema's guard (`Schema.is`,
 * the same checks) accepts is used as it is: decoding it would only copy it, for every event of every
 * response. The decoder runs for the items the guard refuses, to report where and why.
 */
export const eachItem = <A>(schema: Schema.Codec<A, unknown>, at: ReadonlyArray<PropertyKey>) => {
  const is = Schema.is(schema)
  const decode = Schema.decodeUnknownResult(schema)
  return <B>(items: ReadonlyArray<unknown>, convert: (a: A) => Result.Result<B, string>): Collected<B> => {
    const ok: Array<B> = []
    const skipped: Array<Skipped> = []
    for (let index = 0; index < items.length; index++) {
      const item = items[index]
      let value: A
      if (is(item)) value = item
      else {
        const decoded = decode(item)
        if (Result.isFailure(decoded)) {
          const { message, path } = describeIssue(decoded.failure.issue, [...at, index])
          skipped.push({ path, reason: message })
          continue
        }
        value = decoded.success
      }
      const converted = convert(value)
      if (Result.isFailure(converted)) skipped.push({ path: formatPath([...at, index]), reason: converted.failure })
      else ok.push(converted.success)
    }
    return { items: ok, skipped }
  }
}
