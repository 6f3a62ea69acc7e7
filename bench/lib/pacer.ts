// Enqueues jobs at a fixed rate, one XADD each, remembering when each was sent (performance.now()).
import type { Redis } from "ioredis"
import type { JobLike } from "../../src/bookmakers/synthetic/expectedMatches.ts"
import { jobArgs } from "./workload.ts"

const tick = () => new Promise((r) => setTimeout(r, 1))

/** Sends `jobs` at `perSecond`, catching up on timer lag rather than drifting; resolves once all are acknowledged by Redis. */
export const pace = async (
  redis: Redis,
  stream: string,
  jobs: ReadonlyArray<JobLike>,
  perSecond: number,
  sent: (job: JobLike, at: number) => void
): Promise<void> => {
  const replies: Array<Promise<unknown>> = []
  const start = performance.now()
  let next = 0
  while (next < jobs.length) {
    const due = Math.min(jobs.length, Math.floor(((performance.now() - start) * perSecond) / 1000) + 1)
    for (; next < due; next++) {
      const job = jobs[next]!
      sent(job, performance.now())
      replies.push(redis.xadd(stream, "*", ...jobArgs(job)))
    }
    await tick()
  }
  await Promise.all(replies)
}
