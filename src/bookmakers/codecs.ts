// Wire codecs shared by the bookmakers' Schemas: price notations, time formats and ids. Each decodes the
// bookmaker's text into the canonical value (decimal price, ISO-8601 UTC instant) and encodes it back,
// so the simulated APIs and the extractors read and write the same notation.
import { Effect, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { Price } from "../domain/Quote.ts"
import {
  formatAmerican,
  formatDecimal,
  formatFractional,
  parseAmerican,
  parseDecimal,
  parseFractional
} from "./prices.ts"

/** A transformation that decodes with `parse` (undefined = invalid, reported as `expected`) and encodes with `format`. */
export const parsed = <A, E>(expected: string, parse: (e: E) => A | undefined, format: (a: A) => E) =>
  SchemaTransformation.transformEffect<A, E>({
    decode: (s, options) => {
      const a = parse(s)
      return a === undefined
        ? Effect.fail(new SchemaIssue.InvalidValue({ expected: `${expected}, got ${JSON.stringify(s)}` }, s, options))
        : Effect.succeed(a)
    },
    encode: (a) => Effect.succeed(format(a))
  })

/** "2.10" */
export const DecimalString = Schema.String.pipe(
  Schema.decodeTo(Price, parsed("a decimal price such as \"2.10\"", parseDecimal, formatDecimal))
)
/** "5/4", "evs" */
export const FractionalString = Schema.String.pipe(
  Schema.decodeTo(Price, parsed("a fractional price such as \"5/4\" or \"evs\"", parseFractional, formatFractional))
)
/** "+150", "-120" */
export const AmericanString = Schema.String.pipe(
  Schema.decodeTo(Price, parsed("an American price such as \"+150\" or \"-120\"", parseAmerican, formatAmerican))
)

/**
 * An id a bookmaker gave us that may go into a URL path or query: letters, digits and `_ . : -`, not
 * starting with a dot (so never a `.`/`..` path segment), at most 64 characters. Anything else is refused
 * at decoding, before a URL is built from it.
 */
export const SafeId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[A-Za-z0-9_:-][A-Za-z0-9_.:-]{0,63}$/, { expected: "an id of [A-Za-z0-9_.:-], at most 64 characters" }))
)

const isoUtc = (ms: number): string | undefined => (Number.isFinite(ms) ? new Date(ms).toISOString() : undefined)

/** An ISO-8601 instant with `Z` or a numeric offset, decoded to ISO-8601 UTC; encoded at `offsetMinutes`. */
export const IsoInstant = (offsetMinutes: number) =>
  Schema.String.pipe(Schema.decodeTo(
    Schema.String,
    parsed(
      "an ISO-8601 date-time with an offset",
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) ? isoUtc(Date.parse(s)) : undefined,
      (iso) => withOffset(iso, offsetMinutes)
    )
  ))

/** "2024-05-01T20:45:00+02:00" for the UTC instant 18:45 and an offset of 120 minutes. */
const withOffset = (iso: string, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return iso.replace(/\.\d{3}Z$/, "Z")
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? "-" : "+"
  const abs = Math.abs(offsetMinutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`
}

/** Seconds since the Unix epoch, decoded to ISO-8601 UTC. */
export const EpochSeconds = Schema.Int.pipe(Schema.decodeTo(
  Schema.String,
  parsed("epoch seconds", (n: number) => isoUtc(n * 1000), (iso: string) => Math.floor(Date.parse(iso) / 1000))
))

/** "2024-05-01 18:45:00" in UTC, decoded to ISO-8601 UTC. */
export const SpaceSeparatedUtc = Schema.String.pipe(Schema.decodeTo(
  Schema.String,
  parsed(
    "a UTC date-time \"YYYY-MM-DD HH:MM:SS\"",
    (s) => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? isoUtc(Date.parse(`${s.replace(" ", "T")}Z`)) : undefined),
    (iso) => iso.slice(0, 19).replace("T", " ")
  )
))

/** "1-0" (Alpha), "1:0" (Delta): home and away goals. */
export const Score = (separator: string) =>
  Schema.String.pipe(Schema.decodeTo(
    Schema.Struct({ home: Schema.Int, away: Schema.Int }),
    parsed(
      `a score such as "1${separator}0"`,
      (s) => {
        const parts = s.split(separator)
        return parts.length === 2 && parts.every((p) => /^\d{1,3}$/.test(p))
          ? { home: Number(parts[0]), away: Number(parts[1]) }
          : undefined
      },
      (score: { readonly home: number; readonly away: number }) => `${score.home}${separator}${score.away}`
    )
  ))
