// Wire notations shared by the bookmakers' Schemas: price notations, time formats, scores and ids. Each
// notation comes in three parts built on one parser:
// - `…Wire`: the Schema of what the wire carries, a string (or number) with a check that runs the parser.
//   Event Schemas are built from these and plain structure only, so Effect's Schema JIT compiles each into
//   straight-line code, and an event that passes is used as it came (a response holds thousands of events;
//   see eachItem in payload.ts).
// - `read…`: the canonical value of a wire value that passed that check; normalisation calls it.
// - the codec (`DecimalString`, `IsoInstant(offset)` …): the wire value decoded to the canonical one and
//   encoded back; the simulated APIs encode with it, so they write exactly what the extractors accept.
import { Schema, SchemaTransformation } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import { Price } from "../domain/Quote.ts"
import { isDateMillis, isoOfMillis, parseIsoMillis, parseSpaceSeparatedMillis } from "./instants.ts"
import {
  formatAmerican,
  formatDecimal,
  formatFractional,
  parseAmerican,
  parseDecimal,
  parseFractional
} from "./prices.ts"

/**
 * A wire Schema whose decoder and guard are compiled (Effect's Schema JIT) before their first use. A value
 * the compiled code refuses is decoded again by the interpreter, which reports the issue and its path;
 * where code generation is not allowed, the interpreter does all the work.
 */
export const compiled = <S extends Schema.Top>(schema: S): S => {
  SchemaJITCompiler.enable(schema.ast)
  return schema
}

/** `valid` as a Schema check; its failure says what was expected and what came. */
const checkedBy = <A>(expected: string, valid: (a: A) => boolean) =>
  Schema.makeFilter((a: A) => valid(a) || `Expected ${expected}, got ${JSON.stringify(a)}`, { expected })

/** Wire text that `valid` accepts; each notation brands its own, so that only checked text reaches a reader. */
export const wireText = (expected: string, valid: (s: string) => boolean) => Schema.String.check(checkedBy(expected, valid))

/** The value `parse` gives for a wire value its check accepted (that check ran `parse` already). */
export const reader = <W, A>(parse: (w: W) => A | undefined) => (w: W): A => parse(w) as A

/** The codec of a notation: its wire Schema decoded with `read`, the canonical value encoded with `format`. */
export const codec = <W extends Schema.Top, A>(
  Wire: W,
  To: Schema.Codec<A>,
  read: (w: W["Type"]) => A,
  format: (a: A) => W["Type"]
) => Wire.pipe(Schema.decodeTo(To, SchemaTransformation.transform({ decode: read, encode: format })))

const priceWire = (expected: string, parse: (s: string) => number | undefined) => wireText(expected, (s) => parse(s) !== undefined)

/** "2.10" */
export const DecimalWire = priceWire("a decimal price such as \"2.10\"", parseDecimal).pipe(Schema.brand("DecimalWire"))
export type DecimalWire = typeof DecimalWire.Type
export const readDecimal = reader<DecimalWire, number>(parseDecimal)
export const DecimalString = codec(DecimalWire, Price, readDecimal, (p) => formatDecimal(p) as DecimalWire)

/** "5/4", "evs" */
export const FractionalWire = priceWire("a fractional price such as \"5/4\" or \"evs\"", parseFractional).pipe(
  Schema.brand("FractionalWire")
)
export type FractionalWire = typeof FractionalWire.Type
export const readFractional = reader<FractionalWire, number>(parseFractional)
export const FractionalString = codec(FractionalWire, Price, readFractional, (p) => formatFractional(p) as FractionalWire)

/** "+150", "-120" */
export const AmericanWire = priceWire("an American price such as \"+150\" or \"-120\"", parseAmerican).pipe(
  Schema.brand("AmericanWire")
)
export type AmericanWire = typeof AmericanWire.Type
export const readAmerican = reader<AmericanWire, number>(parseAmerican)
export const AmericanString = codec(AmericanWire, Price, readAmerican, (p) => formatAmerican(p) as AmericanWire)

/**
 * An id a bookmaker gave us that may go into a URL path or query: letters, digits and `_ . : -`, not
 * starting with a dot (so never a `.`/`..` path segment), at most 64 characters. Anything else is refused
 * at decoding, before a URL is built from it.
 */
export const SafeId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[A-Za-z0-9_:-][A-Za-z0-9_.:-]{0,63}$/, { expected: "an id of [A-Za-z0-9_.:-], at most 64 characters" }))
)

/** How many readings a time notation keeps; past that it starts again, so memory stays bounded. */
const keptReadings = 4096

/**
 * A time notation that `millis` reads: valid when it names an instant a Date can hold, read as ISO-8601 UTC.
 * Readings of valid values are kept: the check and the read of an event see the same value, and the events
 * of a feed share few kickoffs (a day has a few dozen), so most values are parsed once or not at all.
 */
const timeNotation = <W>(millis: (w: W) => number | undefined) => {
  const readings = new Map<W, string>()
  /** ISO-8601 UTC, or undefined when `w` is not valid. */
  const iso = (w: W): string | undefined => {
    const kept = readings.get(w)
    if (kept !== undefined) return kept
    const ms = millis(w)
    if (ms === undefined || !isDateMillis(ms)) return undefined
    const read = isoOfMillis(ms)
    if (readings.size >= keptReadings) readings.clear()
    readings.set(w, read)
    return read
  }
  return { valid: (w: W) => iso(w) !== undefined, read: (w: W) => iso(w) as string }
}

const isoInstant = timeNotation(parseIsoMillis)

/** An ISO-8601 instant with `Z` or a numeric offset. */
export const IsoInstantWire = wireText("an ISO-8601 date-time with an offset", isoInstant.valid)
  .pipe(Schema.brand("IsoInstantWire"))
export type IsoInstantWire = typeof IsoInstantWire.Type
/** As ISO-8601 UTC. */
export const readIsoInstant: (w: IsoInstantWire) => string = isoInstant.read
/** Decoded to ISO-8601 UTC; encoded at `offsetMinutes`. */
export const IsoInstant = (offsetMinutes: number) =>
  codec(IsoInstantWire, Schema.String, readIsoInstant, (iso) => withOffset(iso, offsetMinutes) as IsoInstantWire)

/** "2024-05-01T20:45:00+02:00" for the UTC instant 18:45 and an offset of 120 minutes. */
const withOffset = (iso: string, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return iso.replace(/\.\d{3}Z$/, "Z")
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? "-" : "+"
  const abs = Math.abs(offsetMinutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`
}

const epochSeconds = timeNotation((n: number) => n * 1000)

/** Seconds since the Unix epoch. */
export const EpochSecondsWire = Schema.Int.check(checkedBy("epoch seconds", epochSeconds.valid))
  .pipe(Schema.brand("EpochSecondsWire"))
export type EpochSecondsWire = typeof EpochSecondsWire.Type
/** As ISO-8601 UTC. */
export const readEpochSeconds: (w: EpochSecondsWire) => string = epochSeconds.read
export const EpochSeconds = codec(
  EpochSecondsWire,
  Schema.String,
  readEpochSeconds,
  (iso) => Math.floor(Date.parse(iso) / 1000) as EpochSecondsWire
)

const spaceSeparatedUtc = timeNotation(parseSpaceSeparatedMillis)

/** "2024-05-01 18:45:00" in UTC. */
export const SpaceSeparatedUtcWire = wireText(
  "a UTC date-time \"YYYY-MM-DD HH:MM:SS\"",
  spaceSeparatedUtc.valid
).pipe(Schema.brand("SpaceSeparatedUtcWire"))
export type SpaceSeparatedUtcWire = typeof SpaceSeparatedUtcWire.Type
/** As ISO-8601 UTC. */
export const readSpaceSeparatedUtc: (w: SpaceSeparatedUtcWire) => string = spaceSeparatedUtc.read
export const SpaceSeparatedUtc = codec(
  SpaceSeparatedUtcWire,
  Schema.String,
  readSpaceSeparatedUtc,
  (iso) => iso.slice(0, 19).replace("T", " ") as SpaceSeparatedUtcWire
)

const ScoreValue = Schema.Struct({ home: Schema.Int, away: Schema.Int })

/** "1-0" (Alpha), "1:0" (Delta): home and away goals, at most three digits each, around `separator`. */
export const ScoreWire = (separator: string) =>
  wireText(`a score such as "1${separator}0"`, (s) => {
    const parts = s.split(separator)
    return parts.length === 2 && parts.every((p) => /^\d{1,3}$/.test(p))
  }).pipe(Schema.brand("ScoreWire"))
export type ScoreWire = ReturnType<typeof ScoreWire>["Type"]
/** Home and away goals; the separator is the first character that is not a digit. */
export const readScore = (score: ScoreWire): typeof ScoreValue.Type => {
  let at = 0
  while (score.charCodeAt(at) >= 48 && score.charCodeAt(at) <= 57) at++
  return { home: Number(score.slice(0, at)), away: Number(score.slice(at + 1)) }
}
export const Score = (separator: string) =>
  codec(ScoreWire(separator), ScoreValue, readScore, (score) => `${score.home}${separator}${score.away}` as ScoreWire)
