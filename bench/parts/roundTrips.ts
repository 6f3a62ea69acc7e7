// O(1) Redis round trips per job: the worker drains through a proxy that counts request/reply turns, with
// 5 and then 20 fixtures per job. Round trips per job must not grow with the fixtures (entries) per job.
import { type Benchmark, scaled } from "../lib/context.ts"
import { startTurnProxy } from "../lib/turnProxy.ts"
import { makeJobs } from "../lib/workload.ts"
import { drain, stage, startWorkers, workerUnavailable } from "../lib/worker.ts"

const turnsPerJob = async (ctx: Parameters<Benchmark["runOnce"]>[0], fixturesPerJob: number, jobCount: number) => {
  const jobs = makeJobs(jobCount)
  await stage(ctx.monitor, jobs)
  const proxy = await startTurnProxy(ctx.redisPort)
  const workers = startWorkers(`redis://127.0.0.1:${proxy.port}`, {
    processes: 1,
    fixturesPerJob,
    logPrefix: `${ctx.outDir}/roundtrips-s${fixturesPerJob}-run${ctx.run}`
  })
  try {
    // Turns counted from the release of the jobs: start-up (connections, group checks) is not per job.
    const turns0 = proxy.turns()
    const result = await drain(ctx.monitor, workers, jobs, Math.max(60_000, jobCount * 40))
    return { turnsPerJob: (proxy.turns() - turns0) / jobCount, drain: result }
  } finally {
    await workers.stop()
    await proxy.close()
  }
}

export const roundTrips: Benchmark = {
  name: "roundtrips",
  rows: [
    { id: "rt.s5", label: "worker: round trips per job, 5 fixtures/job", unit: "rt", digits: 3 },
    { id: "rt.s20", label: "worker: round trips per job, 20 fixtures/job", unit: "rt", digits: 3 },
    { id: "rt.growth", label: "round trips per job: 20 vs 5 fixtures (O(1))", unit: "×", target: { op: "<=", value: 1.25 }, digits: 2 }
  ],
  unavailable: workerUnavailable,
  runOnce: async (ctx) => {
    // Enough batches to count turns per job; 20 fixtures per job make each job several times slower.
    const jobCount = scaled(5_000, ctx.scale, 48)
    const s5 = await turnsPerJob(ctx, 5, jobCount)
    const s20 = await turnsPerJob(ctx, 20, jobCount)
    return {
      samples: [
        { id: "rt.s5", value: s5.turnsPerJob },
        { id: "rt.s20", value: s20.turnsPerJob },
        { id: "rt.growth", value: s20.turnsPerJob / s5.turnsPerJob }
      ],
      checks: [],
      // The drains through the proxy, for the cost of fixtures per job (the proxy adds latency to each turn).
      detail: { fixtures5: s5.drain, fixtures20: s20.drain }
    }
  }
}
