// The knobs of pricing, their defaults, and the Schemas that read them from text (env and CLI flags share these).
import { Duration, Effect, Option, Schema, SchemaIssue, SchemaTransformation } from "effect"
import type { PerSource } from "../config/perSource.ts"

export const DevigMethod = Schema.Literals(["multiplicative", "additive", "power", "shin"])
export type DevigMethod = typeof DevigMethod.Type

/** Fair probabilities come from the mean of every other bookmaker ("consensus") or from one named bookmaker. */
export const consensus = "consensus"

export interface Settings {
  readonly bankroll: number
  /** Stakes are rounded to a multiple of this (0.01 = cents, 1 = whole units). */
  readonly unit: number
  /** A quote older than this, relative to `now`, is stale. */
  readonly freshnessMs: number
  /** The legs of one opportunity must have been fetched within this much of each other. */
  readonly maxSpreadMs: number
  /** A return (arbitrage ROI or value edge) above this is "too good to be true" and rejected. */
  readonly roiCap: number
  /** A price is value when its edge p·price − 1 exceeds this. */
  readonly valueEdge: number
  readonly reference: string
  readonly devig: DevigMethod
  /** Commission on net winnings per bookmaker, as a fraction (0.02 = 2 %). */
  readonly commission: Readonly<Record<string, number>>
}

/** The sanity limits on fetch times, which depend on how fast the source's prices move and how often it is polled. */
export type Limits = Pick<Settings, "freshnessMs" | "maxSpreadMs">

/**
 * Defaults per data source, against the scheduler's default cadences (live every 5 s, upcoming every 5 min).
 * In play, prices move every minute, so a quote is stale after 60 s (a dozen live rounds) and legs over 30 s
 * apart may straddle a move. Pre-match prices move slowly and are fetched once a round: a quote stays fresh
 * for 15 minutes (three rounds, so one failed or skipped round changes nothing), and legs may be 10 minutes
 * apart (two rounds: a leg refreshed this round next to another market's leg from the last one, which is
 * what the detector sees while a round is in progress).
 */
export const sourceLimits: PerSource<Limits> = {
  live: { freshnessMs: 60_000, maxSpreadMs: 30_000 },
  upcoming: { freshnessMs: 15 * 60_000, maxSpreadMs: 10 * 60_000 }
}

/** Without a source (the `price` command), quotes are judged by the strict in-play limits. */
export const defaultSettings: Settings = {
  bankroll: 100,
  unit: 0.01,
  ...sourceLimits.live,
  roiCap: 0.25,
  valueEdge: 0.02,
  reference: consensus,
  devig: "multiplicative",
  commission: {}
}

/** Pricing settings per data source: the same knobs, each source with its own limits. */
export type SourceSettings = PerSource<Settings>

export const bySource = (settings: Settings, limits: PerSource<Limits>): SourceSettings => ({
  live: { ...settings, ...limits.live },
  upcoming: { ...settings, ...limits.upcoming }
})

const finite = Schema.NumberFromString.pipe(Schema.check(Schema.isFinite()))

/** A positive amount, e.g. `100` or `0.01`. */
export const PositiveFromString = finite.pipe(Schema.check(Schema.isGreaterThan(0)))

/** A non-negative fraction, e.g. `0.25` for 25 %. */
export const FractionFromString = finite.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

const secondsPattern = /^\d+(\.\d+)?$/

const invalid = (message: string) => Effect.fail(new SchemaIssue.InvalidValue({ message }))

/** `60` (seconds) or any Duration text (`60 seconds`, `500 millis`), as milliseconds. */
export const MillisFromString = Schema.String.pipe(
  Schema.decodeTo(
    Schema.Finite.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
    SchemaTransformation.transformEffect({
      decode: (text: string) => {
        const trimmed = text.trim()
        const duration = secondsPattern.test(trimmed)
          ? Option.some(Duration.seconds(Number(trimmed)))
          : Duration.fromInput(trimmed as Duration.Input)
        return Option.match(Option.filter(duration, Duration.isFinite), {
          onNone: () => invalid(`Expected seconds or a duration such as "60 seconds", got "${text}"`),
          onSome: (d) => Effect.succeed(Duration.toMillis(d))
        })
      },
      encode: (ms: number) => Effect.succeed(`${ms} millis`)
    })
  )
)

const Rate = Schema.Finite.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1, exclusiveMaximum: true })))

/** `BookieAlpha=0.02,BookieBeta=0.05` → `{ BookieAlpha: 0.02, BookieBeta: 0.05 }`; empty text → `{}`. */
export const CommissionFromString = Schema.String.pipe(
  Schema.decodeTo(
    Schema.Record(Schema.String, Rate),
    SchemaTransformation.transformEffect({
      decode: (text: string) => {
        const rates: Array<readonly [string, number]> = []
        for (const part of text.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
          const [name, rate, ...rest] = part.split("=").map((s) => s.trim())
          if (!name || !rate || rest.length > 0 || !Number.isFinite(Number(rate))) {
            return invalid(`Expected bookmaker=rate pairs separated by commas, got "${part}"`)
          }
          rates.push([name, Number(rate)])
        }
        return Effect.succeed(Object.fromEntries(rates)) // own keys only, so "__proto__" is just a name
      },
      encode: (rates: Readonly<Record<string, number>>) =>
        Effect.succeed(Object.entries(rates).map(([name, rate]) => `${name}=${rate}`).join(","))
    })
  )
)

export const ReferenceFromString = Schema.NonEmptyString.pipe(Schema.check(Schema.isTrimmed()))
