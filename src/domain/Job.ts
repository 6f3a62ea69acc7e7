// An extraction job as it sits in a job stream: four string fields, decoded with Schema.
import { Schema } from "effect"
import { DataSource, Market } from "./Market.ts"

// The bookmaker stays a bounded string here: an unknown name is not a malformed job but a typed
// UnknownBookmaker from the registry (the seed's ImportError), so it is reported as such.
const Name = Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(64)))

export class Job extends Schema.Class<Job>("Job")({
  bookmaker: Name,
  extractor_type: Market,
  data_source: DataSource,
  stream_date: Name
}) {}

/** The wire form of a job: the fields of a job-stream entry. */
export const jobFields = (job: Pick<Job, "bookmaker" | "extractor_type" | "data_source" | "stream_date">) => ({
  bookmaker: job.bookmaker,
  extractor_type: job.extractor_type,
  data_source: job.data_source,
  stream_date: job.stream_date
})

export const decodeJob = Schema.decodeUnknownResult(Job)
