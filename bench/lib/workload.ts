// The headline workload: rounds of 12 jobs (4 bookmakers × 3 markets) on one stream, bookmaker by bookmaker
// so a batch of 4 spans several groups and matches need the quotes stored by earlier batches. Round r polls
// period `p{r mod 250}` (even periods live, odd upcoming): like a scheduler re-polling a slate, the same
// 250 × 8 = 2,000 fixtures come back again and again, so the resolver and Redis hold a bounded slate.
import type { Redis } from "ioredis"
import { bookmakers, markets } from "../../src/domain/Market.ts"
import type { JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"

export const jobsPerRound = bookmakers.length * markets.length
export const periods = 250

/** `count` jobs starting at round `firstRound` (a later phase continues the cycle of periods). */
export const makeJobs = (count: number, firstRound = 0): ReadonlyArray<JobLike> =>
  Array.from({ length: count }, (_, i) => {
    const period = (firstRound + Math.floor(i / jobsPerRound)) % periods
    const within = i % jobsPerRound
    return {
      bookmaker: bookmakers[Math.floor(within / markets.length)]!,
      extractor_type: markets[within % markets.length]!,
      data_source: period % 2 === 0 ? "live" : "upcoming",
      stream_date: `p${period}`
    }
  })

export const roundsIn = (count: number) => Math.ceil(count / jobsPerRound)

export const jobArgs = (job: JobLike): Array<string> => [
  "bookmaker", job.bookmaker,
  "extractor_type", job.extractor_type,
  "data_source", job.data_source,
  "stream_date", job.stream_date
]

/** XADDs every job, pipelined in chunks (the backlog a consumer then drains). */
export const prefill = async (redis: Redis, stream: string, jobs: ReadonlyArray<JobLike>): Promise<void> => {
  for (let i = 0; i < jobs.length; i += 1000) {
    const pipeline = redis.pipeline()
    for (const job of jobs.slice(i, i + 1000)) pipeline.xadd(stream, "*", ...jobArgs(job))
    const replies = await pipeline.exec()
    const failed = replies?.find(([error]) => error !== null)
    if (failed !== undefined) throw failed[0]
  }
}
