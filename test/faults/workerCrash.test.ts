// Scenario 1: `kill -9` of a worker at the worst moments, with no hook in the worker: during an HTTP fetch (a
// slow simulator), and at exact points of a batch, found by the fault proxy holding the worker's first write
// (HSET: read but nothing written), its first publication (EVALSHA: quotes written, nothing published) or its
// XACK (everything written and published, not acknowledged). Recovery by the worker's restart and by another
// worker's XAUTOCLAIM; either way every job ends written once, and a redelivered batch publishes nothing twice.
import { describe, expect, it } from "vitest"
import { startSimulator, type Simulator } from "../../src/simulator/Server.ts"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { quotesByJob, verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import {
  anyPending,
  btts,
  createGroup,
  drained,
  feed,
  matchedBtts,
  pendingOf,
  readersReady,
  syntheticJobs,
  waitUntil,
  within
} from "./support/jobs.ts"
import { type FaultProxy, startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { httpEnv, slowFetches, upcomingJobs } from "./support/sim.ts"
import { faultSuite } from "./support/suite.ts"

describe.skipIf(skipWithoutRedis("fault suite: worker crashes", { ownServer: true }))("scenario 1: kill -9 of a worker", () => {
  const suite = faultSuite({ shared: "admin" })

  it("during an HTTP fetch: the restarted worker reclaims the batch", async () => {
    expectRow("1a kill -9 mid-fetch, restart")
    const sim: Simulator = await startSimulator({ faults: slowFetches(3000) })
    try {
      const env = { REDIS_URL: suite.server.url, STREAM: btts, ...httpEnv(sim), XTR_BATCH: "4", XTR_JOB_TIMEOUT: "4 seconds", XTR_CLAIM_IDLE: "9 seconds" }
      const jobs = upcomingJobs()
      await createGroup(suite.redis, btts)
      const first = startWorker("worker", env)
      await readersReady(suite.redis, 1)
      await feed(suite.redis, btts, jobs)
      // Mid-fetch: requests open at the simulator, the batch pending for this worker.
      await waitUntil("fetches in flight", () => Object.values(sim.control.stats()).some((s) => s.inFlight > 0), 10_000)
      const inFlight = await pendingOf(suite.redis, btts, first.pid)
      expect(inFlight.length).toBeGreaterThan(0)
      await first.kill()
      sim.control.set({})
      const second = startWorker("worker (restarted)", env)
      const recovery = await waitUntil("the killed batch acknowledged", async () => !(await anyPending(suite.redis, btts, inFlight)), 30_000)
      await drained(suite.redis, btts, 30_000)
      const v = await verify(suite.redis, { stream: btts, jobs, written: { kind: "some" }, matchedStreams: [matchedBtts] })
      record(rowOf("1a kill -9 mid-fetch, restart", v, recovery, Math.max(first.peakRss(), second.peakRss()),
        `${inFlight.length} jobs in flight at the kill; recovery = restart to their ack (XTR_CLAIM_IDLE=9 s)`))
      expect(v.problems).toEqual([])
    } finally {
      await sim.close()
    }
  })

  const atPoint = (label: string, scenario: string, commands: ReadonlyArray<string>, writtenAtKill: boolean) =>
    it(`${label}: another worker reclaims the batch`, async () => {
      expectRow(scenario)
      let proxy: FaultProxy | undefined
      try {
        proxy = await startProxy({ host: suite.server.host, port: suite.server.port })
        // Each worker holds at most 8 × 4 of the 80 jobs, so both get some whichever reads first.
        const env = { STREAM: btts, XTR_BATCH: "8", XTR_INFLIGHT: "4" }
        const jobs = syntheticJobs(80, scenario.slice(0, 2))
        await createGroup(suite.redis, btts)
        // A slower link for the victim: its view of shared entries lags the other worker's, as under load.
        proxy.delay(3)
        const held = proxy.holdOn(...commands)
        const victim = startWorker("worker (via proxy)", { ...env, REDIS_URL: proxy.url() })
        await readersReady(suite.redis, 1)
        const other = startWorker("worker (direct)", { ...env, REDIS_URL: suite.server.url })
        await readersReady(suite.redis, 2)
        await feed(suite.redis, btts, jobs)
        await within(held, 20_000, `the worker to send ${commands.join("/")}`).catch(async (error: Error) => {
          // What the victim held and said, so that a miss can be told from a worker that never got there.
          const pending = (await pendingOf(suite.redis, btts, victim.pid)).length
          throw new Error(`${error.message}; ${pending} jobs pending for it; its output ends:\n${victim.output().slice(-4000)}`)
        })
        const batch = await pendingOf(suite.redis, btts, victim.pid)
        expect(batch.length).toBeGreaterThan(0)
        const quotes = await quotesByJob(suite.redis)
        const written = batch.filter((id) => quotes.has(`${btts}/${id}`)).length
        // The proxy stopped the worker where the scenario says: before its writes, or after them (its pending
        // list may also hold entries read ahead for the next batch).
        if (writtenAtKill) expect(written).toBeGreaterThan(0)
        else expect(written).toBe(0)
        await victim.kill()
        proxy.release()
        const recovery = await waitUntil("the killed batch acknowledged", async () => !(await anyPending(suite.redis, btts, batch)), 30_000)
        await drained(suite.redis, btts, 30_000)
        const v = await verify(suite.redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
        record(rowOf(scenario, v, recovery, Math.max(victim.peakRss(), other.peakRss()),
          `${batch.length} jobs pending at the kill; recovery = kill to their ack by the other worker (XTR_CLAIM_IDLE=3 s)`))
        expect(v.problems).toEqual([])
      } finally {
        await proxy?.close()
      }
    })

  atPoint("after reading, before writing", "1b kill -9 after read", ["HSET"], false)
  atPoint("after writing quotes, before publishing", "1c kill -9 before publish", ["EVALSHA", "EVAL"], true)
  atPoint("after publishing, before XACK", "1d kill -9 before XACK", ["XACK"], true)
})
