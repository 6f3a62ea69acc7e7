// The headline workload: rounds of 12 jobs (4 bookmakers × 3 markets) on one stream, each round a new
// period (`stream_date`) alternating live/upcoming, bookmaker by bookmaker so a batch of 4 spans several
// groups and matches need the quotes stored by earlier batches.
import type { Redis } from "ioredis"
import { bookmakers, markets } from "../../src/domain/Market.ts"
import type { JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"

export const jobsPerRound = bookmakers.length * markets.length

/** `count` jobs starting at round `firstRound`; rounds are numbered so phases never share a period. */
export const makeJobs = (count: number, firstRound = 0): ReadonlyArray<JobLike> =>
  Array.from({ length: count }, (_, i) => {
    const round = firstRound + Math.floor(i / jobsPerRound)
    const within = i % jobsPerRound
    return {
      bookmaker: bookmakers[Math.floor(within / markets.length)]!,
      extractor_type: markets[within % markets.length]!,
      data_source: round % 2 === 0 ? "live" : "upcoming",
      stream_date: `r${round}`
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
