// One job-stream entry through decoding, registry lookup and its extractor, bounded by XTR_JOB_TIMEOUT.
// Never fails: every expected failure becomes an outcome, so one bad job never stops the batch.
import { Duration, Effect, Result } from "effect"
import type { Extractors } from "../bookmakers/Extractors.ts"
import { isPermanent, type JobError } from "../domain/errors.ts"
import { decodeJob, jobFields } from "../domain/Job.ts"
import type { StreamEntry } from "../redis/RedisStore.ts"
import { dead, extracted, type JobOutcome, retry } from "./JobOutcome.ts"

/** `{"_tag":"ExtractorFailed","bookmaker":…,"reason":…}`: the typed error's tag and fields. */
const describe = (error: JobError): string => JSON.stringify(error)

export const makeRunJob = (extractors: Extractors["Service"], timeout: Duration.Duration) =>
  Effect.fnUntraced(function*(entry: StreamEntry): Effect.fn.Return<JobOutcome> {
    // XREADGROUP returns entries deleted while pending with no fields: nothing left to run.
    if (Object.keys(entry.fields).length === 0) return dead(entry, "entry deleted while pending")
    const decoded = decodeJob(entry.fields)
    if (Result.isFailure(decoded)) {
      yield* Effect.logWarning("undecodable job", { id: entry.id, error: decoded.failure.message })
      return dead(entry, `undecodable job: ${decoded.failure.message}`)
    }
    const job = decoded.success
    return yield* extractors.get(job.bookmaker, job.extractor_type).pipe(
      Effect.flatMap((extractor) => extractor.extract(job).pipe(Effect.timeout(timeout))),
      Effect.map((quotes) => extracted(entry, job, quotes)),
      Effect.catch((error) =>
        error._tag === "TimeoutError"
          ? Effect.succeed(retry(entry, job, `timed out after ${Duration.format(timeout)}`))
          : Effect.succeed(isPermanent(error) ? dead(entry, describe(error)) : retry(entry, job, describe(error)))
      ),
      // A bug in one extractor is that job's failure, retried and finally dead-lettered, not the worker's.
      Effect.catchDefect((defect) => Effect.succeed(retry(entry, job, `extractor defect: ${String(defect)}`))),
      Effect.tap((outcome) =>
        outcome._tag === "Extracted" ? Effect.void : Effect.logWarning("job failed", { outcome: outcome._tag, reason: outcome.reason })
      ),
      Effect.annotateLogs({ id: entry.id, ...jobFields(job) })
    )
  })
