// Scenario 9: Redis out of memory (`maxmemory` + `noeviction`) for a while, then freed. A ballast key fills
// the server while jobs flow: every write is refused (OOM) while reads and XACK would still be accepted, so
// the worker must acknowledge nothing while its writes fail, keep the jobs pending, and finish them all once
// the ballast is deleted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type RedisServer, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { killAll, startWorker } from "./support/children.ts"
import { acked, admin, btts, createGroup, drained, feed, matchedBtts, readersReady, scaled, sleep, syntheticJobs, waitUntil } from "./support/jobs.ts"
import { type FaultProxy, startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"

const maxMemory = 64 * 1024 * 1024

describe.skipIf(skipWithoutRedis("fault suite: out of memory", { ownServer: true }))("scenario 9: Redis out of memory, then freed", () => {
  let server: RedisServer
  let proxy: FaultProxy
  beforeAll(async () => {
    server = await startRedisServer({ args: ["--maxmemory", String(maxMemory), "--maxmemory-policy", "noeviction"] })
    proxy = await startProxy({ host: server.host, port: server.port })
  })
  afterEach(killAll)
  afterAll(async () => {
    await killAll()
    await proxy?.close()
    await server?.stop()
  })

  it("acknowledges nothing while writes fail, and everything once memory is freed", async () => {
    expectRow("9 Redis OOM (noeviction) 5 s")
    const redis = admin(server.port)
    try {
      const jobs = syntheticJobs(scaled(4000, 2000), "oom")
      await createGroup(redis, btts)
      proxy.delay(3) // a slower link, so that the fault lands mid-flow
      const worker = startWorker("worker", { REDIS_URL: proxy.url(), STREAM: btts })
      await readersReady(redis, 1)
      await feed(redis, btts, jobs)
      await waitUntil("jobs flowing", async () => (await acked(redis, btts)) >= jobs.length * 0.2, 30_000, 10)

      // Fill the server past maxmemory.
      const used = Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1])
      await redis.setrange("ballast", Math.max(1, maxMemory - used + 4 * 1024 * 1024), "x")
      const refused = await redis.set("probe", "x").then(() => false, (e: Error) => e.message.startsWith("OOM"))
      expect(refused).toBe(true)
      // Batches whose writes went through just before may still be acknowledged; after that, nothing.
      await sleep(500)
      const frozen = await acked(redis, btts)
      let ackedDuringOom = 0
      const until = Date.now() + 5000
      while (Date.now() < until) {
        ackedDuringOom = Math.max(ackedDuringOom, (await acked(redis, btts)) - frozen)
        await sleep(50)
      }
      await redis.del("ballast")
      const freed = Date.now()
      await waitUntil("work to resume", async () => (await acked(redis, btts)) > frozen, 30_000, 20)
      const recovery = Date.now() - freed
      await drained(redis, btts, 60_000)
      const drainedMs = Date.now() - freed

      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const problems = [...v.problems]
      if (ackedDuringOom > 0) problems.push(`${ackedDuringOom} jobs acknowledged while every write was refused`)
      const refusals = worker.output().match(/jobs not acknowledged.*OOM/g)?.length ?? 0
      if (refusals === 0) problems.push("no refused commit logged: the fault did not hit the worker")
      if (worker.exit() !== undefined) problems.push("the worker exited")
      record(rowOf("9 Redis OOM (noeviction) 5 s", { ...v, problems }, recovery, worker.peakRss(),
        `${refusals} commits refused with OOM and left pending, 0 acknowledged during the 5 s; recovery = ballast deleted to the next acknowledgement; all done ${(drainedMs / 1000).toFixed(1)} s after it (refused jobs wait XTR_CLAIM_IDLE=3 s)`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })
})
