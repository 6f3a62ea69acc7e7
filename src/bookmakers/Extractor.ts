// What the worker asks of a bookmaker: quotes for one market over one period. No Redis, no side effects
// beyond fetching; the worker persists what it returns.
import type { Effect } from "effect"
import type { ExtractorError } from "../domain/errors.ts"
import type { Job } from "../domain/Job.ts"
import type { Quote } from "../domain/Quote.ts"

export interface Extractor {
  readonly extract: (job: Job) => Effect.Effect<ReadonlyArray<Quote>, ExtractorError>
}
