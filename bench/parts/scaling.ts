// Scaling: jobs/s draining one stream with 1, 2 and 4 worker processes in one consumer group.
import { type Benchmark, scaled } from "../lib/context.ts"
import { makeJobs } from "../lib/workload.ts"
import { drain, stage, startWorkers, workerUnavailable } from "../lib/worker.ts"

const counts = [1, 2, 4] as const

export const scaling: Benchmark = {
  name: "scaling",
  rows: counts.map((n) => ({
    id: `scale.${n}`,
    label: `scaling: ${n} worker process${n === 1 ? "" : "es"}, drain jobs/s`,
    unit: "jobs/s",
    ...(n === 1 ? {} : { reference: "1 process" }),
    digits: 0
  })),
  unavailable: workerUnavailable,
  runOnce: async (ctx) => {
    const jobCount = scaled(50_000, ctx.scale, 48)
    const jobs = makeJobs(jobCount)
    const perSec: Array<number> = []
    const detail: Array<unknown> = []
    for (const processes of counts) {
      await stage(ctx.monitor, jobs)
      const workers = startWorkers(ctx.redisUrl, { processes, fixturesPerJob: 5, logPrefix: `${ctx.outDir}/scaling-${processes}-run${ctx.run}` })
      try {
        const result = await drain(ctx.monitor, workers, jobs)
        perSec.push(result.jobsPerSec)
        detail.push({ processes, ...result })
      } finally {
        await workers.stop()
      }
    }
    return {
      samples: counts.map((n, i) => ({ id: `scale.${n}`, value: perSec[i]!, ...(i === 0 ? {} : { ratio: perSec[i]! / perSec[0]! }) })),
      checks: [],
      detail
    }
  }
}
