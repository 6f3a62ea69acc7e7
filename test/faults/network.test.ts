// Scenario 3: the link between the worker and Redis fails, through the fault proxy (the worker's two
// connections pass through it; the suite's own connection does not): cut or blackholed while the worker is
// blocked in XREADGROUP, and while jobs flow and batches are being written; then Redis-side disturbances:
// CLIENT PAUSE and CLIENT KILL. A healed blackhole delivers what was sent into it late, so writes whose
// replies the worker never saw still execute. Every time: nothing lost, nothing published twice, and work
// resumes within seconds of the fault's end.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type RedisServer, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { killAll, startWorker } from "./support/children.ts"
import { acked, admin, btts, createGroup, drained, feed, matchedBtts, readersReady, scaled, sleep, syntheticJobs, waitUntil } from "./support/jobs.ts"
import { type FaultProxy, startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"

describe.skipIf(skipWithoutRedis("fault suite: network faults", { ownServer: true }))("scenario 3: network faults between worker and Redis", () => {
  let server: RedisServer
  let redis: ReturnType<typeof admin>
  let proxy: FaultProxy
  beforeAll(async () => {
    server = await startRedisServer()
    redis = admin(server.port)
  })
  beforeEach(async () => {
    await redis.flushall()
    proxy = await startProxy({ host: server.host, port: server.port })
  })
  afterEach(async () => {
    await killAll()
    await proxy.close()
  })
  afterAll(async () => {
    await killAll()
    redis?.disconnect()
    await server?.stop()
  })

  /**
   * Starts a worker through the proxy and, once it is blocked on a read, lets `fault` run: it feeds the jobs
   * (when it wants them) and returns when the fault ended. Recovery: from then until the next acknowledgement.
   */
  const scenario = (
    name: string,
    tag: string,
    count: number,
    fault: (jobs: ReturnType<typeof syntheticJobs>) => Promise<void>,
    note: string
  ) =>
    it(name, async () => {
      expectRow(name.split(":")[0]!)
      const jobs = syntheticJobs(count, tag)
      await createGroup(redis, btts)
      const worker = startWorker("worker (via proxy)", { REDIS_URL: proxy.url(), STREAM: btts })
      await readersReady(redis, 1)
      await fault(jobs)
      const ended = Date.now()
      const before = await acked(redis, btts)
      let recovery: number | null = null
      if (before < jobs.length) {
        await waitUntil("work to resume", async () => (await acked(redis, btts)) > before, 30_000, 20)
        recovery = Date.now() - ended
      }
      await drained(redis, btts, 60_000)
      const doneMs = Date.now() - ended
      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const problems = [...v.problems]
      if (worker.exit() !== undefined) problems.push("the worker exited")
      // Batches whose writes failed wait XTR_CLAIM_IDLE (3 s here) to be taken again: "all done" shows that cost.
      record(rowOf(name.split(":")[0]!, { ...v, problems }, recovery, worker.peakRss(), `${note}; all done ${(doneMs / 1000).toFixed(1)} s after the fault ended`))
      expect(problems).toEqual([])
    })

  /** Feeds the jobs and waits until a share of them is acknowledged (the fault then hits a flow in progress). */
  const flowing = async (jobs: ReturnType<typeof syntheticJobs>, share = 0.2) => {
    await feed(redis, btts, jobs)
    await waitUntil("jobs flowing", async () => (await acked(redis, btts)) >= jobs.length * share, 30_000, 10)
  }

  const flow = scaled(6000, 1000)

  scenario("3a cut during a blocked read: the worker reconnects and reads", "ca", 400, async (jobs) => {
    await sleep(300)
    proxy.cut()
    await feed(redis, btts, jobs)
  }, "connections cut while idle in XREADGROUP, jobs added right after")

  scenario("3b blackhole during a blocked read: the watchdog recycles the reader", "bh", 400, async (jobs) => {
    proxy.blackhole()
    await feed(redis, btts, jobs)
    await sleep(4000)
    proxy.pass()
  }, "4 s blackhole while idle in XREADGROUP (BLOCK 0.5 s + margin 1 s); jobs added during it")

  scenario("3c cut during writes, five times", "cw", flow, async (jobs) => {
    proxy.delay(2)
    await flowing(jobs)
    for (let i = 0; i < 5; i++) {
      proxy.cut()
      await sleep(300)
    }
  }, "every connection cut 5 times, 300 ms apart, while batches were written (2 ms proxy delay)")

  scenario("3d blackhole during writes, healed late", "bw", flow, async (jobs) => {
    proxy.delay(2)
    await flowing(jobs)
    proxy.blackhole()
    await sleep(3000)
    proxy.pass()
  }, "3 s blackhole while batches were written; the held bytes (writes, XACKs) delivered when it healed")

  scenario("3e CLIENT PAUSE ALL 3 s during writes", "pa", flow, async (jobs) => {
    await flowing(jobs)
    await redis.call("CLIENT", "PAUSE", "3000", "ALL")
    await sleep(3000)
  }, "Redis paused every client for 3 s (CLIENT PAUSE 3000 ALL)")

  scenario("3f CLIENT KILL during writes, five times", "ki", flow, async (jobs) => {
    await flowing(jobs)
    for (let i = 0; i < 5; i++) {
      await redis.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes")
      await sleep(300)
    }
  }, "Redis killed the worker's connections 5 times, 300 ms apart")
})
