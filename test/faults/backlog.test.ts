// Scenario 6: a backlog of 1,000,000 jobs (× FAULTS_SCALE; CI runs 100,000) waiting before the worker starts,
// drained with bounded memory: the worker holds at most XTR_BATCH × XTR_INFLIGHT entries, never the backlog,
// so its pending list stays under that bound and its resident memory stops growing once the fixtures it has
// seen are known. The jobs are repeated polls of 250 periods (as a scheduler would enqueue
// them), so the distinct fixtures — and the resolver's memory — stay fixed while the backlog grows.
import { describe, expect, it } from "vitest"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import { admin, btts, createGroup, feed, groupState, matchedBtts, scaled, sleep, syntheticJobs } from "./support/jobs.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { faultSuite } from "./support/suite.ts"

const batch = 100
const inflight = 4
/** The worker holds at most XTR_BATCH × XTR_INFLIGHT entries read and not yet done (src/pipeline/source.ts). */
const pendingBound = batch * inflight
const rssBound = 600 * 1024 * 1024
/** RSS may rise this much from a quarter of the drain to its end (it must not grow with the backlog). */
const growthBound = 64 * 1024 * 1024
const jobs = syntheticJobs(scaled(1_000_000, 10_000), "backlog", 250)
/** Generous: ~1,000 jobs/s on a loaded 2-core machine, plus feeding. */
const drainLimitMs = Math.max(120_000, jobs.length * 1.5)

describe.skipIf(skipWithoutRedis("fault suite: backlog", { ownServer: true }))("scenario 6: a large backlog", () => {
  const suite = faultSuite({ shared: "server" })

  it("drains with bounded memory and a bounded pending list", async () => {
    const scenario = `6 backlog of ${jobs.length}`
    expectRow(scenario)
    const redis = admin(suite.server.port)
    try {
      await createGroup(redis, btts)
      await feed(redis, btts, jobs)
      const started = Date.now()
      const worker = startWorker("worker", {
        REDIS_URL: suite.server.url,
        STREAM: btts,
        XTR_BATCH: String(batch),
        XTR_INFLIGHT: String(inflight),
        XTR_MATCHED_MAXLEN: "20000"
      })
      const samples: Array<{ readonly done: number; readonly rss: number; readonly pending: number }> = []
      let maxPending = 0
      while (true) {
        const state = await groupState(redis, btts)
        const pending = state?.pending ?? 0
        maxPending = Math.max(maxPending, pending)
        const done = (state?.entriesRead ?? 0) - pending
        samples.push({ done, rss: worker.rss(), pending })
        if (state !== undefined && state.pending === 0 && state.lag === 0) break
        if (worker.exit() !== undefined) break
        if (Date.now() - started > drainLimitMs) break
        await sleep(200)
      }
      const drainMs = Date.now() - started

      const v = await verify(redis, {
        stream: btts,
        jobs,
        written: { kind: "synthetic", fixturesPerJob: 5, latestOnly: true },
        matchedStreams: [matchedBtts],
        expectMatches: true,
        skipDuplicates: true
      })
      const problems = [...v.problems]
      const quarter = samples.find((s) => s.done >= jobs.length / 4)?.rss ?? 0
      const peak = worker.peakRss()
      const finalRss = samples.at(-1)?.rss ?? 0
      if (maxPending > pendingBound) problems.push(`pending list reached ${maxPending} (bound ${pendingBound})`)
      if (peak > rssBound) problems.push(`peak RSS ${peak} bytes (bound ${rssBound})`)
      if (finalRss - quarter > growthBound) problems.push(`RSS grew ${finalRss - quarter} bytes from a quarter of the drain to its end`)
      if (worker.exit() !== undefined) problems.push("the worker exited")
      const rate = Math.round(jobs.length / (drainMs / 1000))
      const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`
      record(rowOf(scenario, { ...v, problems }, null, peak,
        `drained in ${(drainMs / 1000).toFixed(1)} s (${rate} jobs/s, XTR_BATCH=${batch}, XTR_INFLIGHT=${inflight}); pending ≤ ${maxPending} (bound ${pendingBound}); RSS ${mb(quarter)} at a quarter, ${mb(finalRss)} at the end, peak ${mb(peak)} (bound ${mb(rssBound)}); duplicates not counted: repeated polls republish legitimately`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  }, drainLimitMs + 120_000)
})
