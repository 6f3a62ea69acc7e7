// The typed failures of an extraction job. `permanent` decides what the worker does with the job:
// permanent → dead-letter and acknowledge at once; transient → leave pending, retried after idle time.
import { Schema } from "effect"

/** No extractor for this bookmaker (the seed's ImportError). */
export class UnknownBookmaker extends Schema.TaggedError<UnknownBookmaker>()("UnknownBookmaker", {
  bookmaker: Schema.String
}) {}

/** The bookmaker exists but has no extractor for the market (the seed's AttributeError). */
export class MissingMarket extends Schema.TaggedError<MissingMarket>()("MissingMarket", {
  bookmaker: Schema.String,
  market: Schema.String
}) {}

/** The job's stream_date is outside what the bookmaker can fetch. */
export class PeriodOutOfRange extends Schema.TaggedError<PeriodOutOfRange>()("PeriodOutOfRange", {
  bookmaker: Schema.String,
  value: Schema.String
}) {}

/** A response that does not decode; `path` is where in the payload it failed. */
export class PayloadInvalid extends Schema.TaggedError<PayloadInvalid>()("PayloadInvalid", {
  bookmaker: Schema.String,
  market: Schema.String,
  period: Schema.String,
  path: Schema.String,
  message: Schema.String
}) {}

/** Anything else inside an extractor: transport error, 5xx/429 after retries, timeout, oversized body. */
export class ExtractorFailed extends Schema.TaggedError<ExtractorFailed>()("ExtractorFailed", {
  bookmaker: Schema.String,
  market: Schema.String,
  reason: Schema.String
}) {}

export type ExtractorError = PeriodOutOfRange | PayloadInvalid | ExtractorFailed
export type JobError = UnknownBookmaker | MissingMarket | ExtractorError

/** A permanent failure can never succeed on retry. A malformed payload may be a truncated transfer: transient. */
export const isPermanent = (e: JobError): boolean =>
  e._tag === "UnknownBookmaker" || e._tag === "MissingMarket" || e._tag === "PeriodOutOfRange"
