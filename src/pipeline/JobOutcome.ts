// What became of one job-stream entry in a batch; decides whether it is written, acknowledged or left pending.
import type { Job } from "../domain/Job.ts"
import type { Quote } from "../domain/Quote.ts"
import type { StreamEntry } from "../redis/RedisStore.ts"

export type JobOutcome =
  /** The extractor returned quotes: write them, then acknowledge. */
  | { readonly _tag: "Extracted"; readonly entry: StreamEntry; readonly job: Job; readonly quotes: ReadonlyArray<Quote> }
  /** Can never succeed (or ran out of deliveries): dead-letter and acknowledge. */
  | { readonly _tag: "Dead"; readonly entry: StreamEntry; readonly reason: string }
  /** Failed transiently: leave pending, to be reclaimed after XTR_CLAIM_IDLE. */
  | { readonly _tag: "Retry"; readonly entry: StreamEntry; readonly job: Job; readonly reason: string }

export const extracted = (entry: StreamEntry, job: Job, quotes: ReadonlyArray<Quote>): JobOutcome => ({
  _tag: "Extracted",
  entry,
  job,
  quotes
})
export const dead = (entry: StreamEntry, reason: string): JobOutcome => ({ _tag: "Dead", entry, reason })
export const retry = (entry: StreamEntry, job: Job, reason: string): JobOutcome => ({ _tag: "Retry", entry, job, reason })
