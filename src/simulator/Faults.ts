// Fault knobs for the simulated bookmakers: latency, 5xx, 429 with Retry-After, hangs, slow drip, connection
// resets, truncated, malformed and huge bodies. Each is a probability per request, set globally and/or per
// bookmaker (a bookmaker's own value wins), changeable at runtime through POST /control. Which fault a request
// gets is drawn from the seed and the request's sequence number, so a run replays the same faults.
import { Schema } from "effect"
import type { Bookmaker } from "../domain/Market.ts"
import { unit } from "./Prng.ts"

const Probability = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
const NonNegativeInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))

export const FaultKnobs = Schema.Struct({
  /** Delay before answering: latencyMs + a uniform share of jitterMs. */
  latencyMs: Schema.optionalKey(NonNegativeInt),
  jitterMs: Schema.optionalKey(NonNegativeInt),
  /** 500 with a JSON error body. */
  error: Schema.optionalKey(Probability),
  /** 429 with a `Retry-After: retryAfterSeconds` header. */
  rateLimit: Schema.optionalKey(Probability),
  retryAfterSeconds: Schema.optionalKey(NonNegativeInt),
  /** Never answer (the connection stays open until the client gives up). */
  hang: Schema.optionalKey(Probability),
  /** 200 and the full Content-Length, then one byte every dripIntervalMs. */
  drip: Schema.optionalKey(Probability),
  dripIntervalMs: Schema.optionalKey(PositiveInt),
  /** TCP reset before any byte of the response. */
  reset: Schema.optionalKey(Probability),
  /** 200 with the full Content-Length, half the body, then the connection is closed. */
  truncate: Schema.optionalKey(Probability),
  /** 200 with a complete body that is not valid JSON. */
  malformed: Schema.optionalKey(Probability),
  /** 200, chunked, a valid JSON body padded with whitespace to hugeBytes. */
  huge: Schema.optionalKey(Probability),
  hugeBytes: Schema.optionalKey(PositiveInt)
})
export type FaultKnobs = typeof FaultKnobs.Type

export const FaultSettings = Schema.Struct({
  global: Schema.optionalKey(FaultKnobs),
  bookmakers: Schema.optionalKey(Schema.Struct({
    BookieAlpha: Schema.optionalKey(FaultKnobs),
    BookieBeta: Schema.optionalKey(FaultKnobs),
    BookieGamma: Schema.optionalKey(FaultKnobs),
    BookieDelta: Schema.optionalKey(FaultKnobs)
  }))
})
export type FaultSettings = typeof FaultSettings.Type

export const FaultSettingsJson = Schema.fromJsonString(FaultSettings)

export const defaultKnobs = {
  latencyMs: 0, jitterMs: 0, error: 0, rateLimit: 0, retryAfterSeconds: 1, hang: 0, drip: 0, dripIntervalMs: 2_000,
  reset: 0, truncate: 0, malformed: 0, huge: 0, hugeBytes: 8 * 1024 * 1024
} as const satisfies Required<FaultKnobs>

/** The knobs in force for one bookmaker: defaults, then the global values, then its own. */
export const knobsFor = (settings: FaultSettings, bookmaker: Bookmaker): Required<FaultKnobs> => ({
  ...defaultKnobs,
  ...settings.global,
  ...settings.bookmakers?.[bookmaker]
})

/** Faults in the order they are tried; the first whose draw fires wins. */
export const faultKinds = ["hang", "reset", "error", "rateLimit", "truncate", "malformed", "huge", "drip"] as const
export type FaultKind = (typeof faultKinds)[number]

export interface FaultPlan {
  readonly delayMs: number
  readonly fault: FaultKind | undefined
}

/** What happens to request number `sequence` of a bookmaker. */
export const planFault = (knobs: Required<FaultKnobs>, seed: string, bookmaker: Bookmaker, sequence: number): FaultPlan => ({
  delayMs: knobs.latencyMs + Math.floor(knobs.jitterMs * unit(seed, "faults", bookmaker, sequence, "jitter")),
  fault: faultKinds.find((kind) => unit(seed, "faults", bookmaker, sequence, kind) < knobs[kind])
})

/** A complete body that is not JSON: the text with its last character replaced by a trailing comma. */
export const malform = (json: string): string => `${json.slice(0, -1)},`
