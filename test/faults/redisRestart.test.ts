// Scenario 2: Redis itself fails. (a) `kill -9` with AOF (appendfsync everysec) while jobs flow, restarted
// from its files on the same port: the worker reconnects, re-reads its pending entries, and every job ends
// written once. (b) Restarted empty (no persistence): reads fail with NOGROUP, the worker recreates the
// group (counted in its log) without crash-looping, and the jobs added after the restart are all processed
// (the ones before went with the server's memory). (c) Absent at start, started later: the worker waits and
// then works.
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freePort, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import { acked, admin, btts, drained, feed, matchedBtts, readersReady, scaled, sleep, syntheticJobs, waitUntil } from "./support/jobs.ts"
import { startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { faultSuite } from "./support/suite.ts"

/** Waits until the acknowledged count rises above `from`: work has resumed. */
const resumed = (redis: ReturnType<typeof admin>, from: number, timeoutMs: number) =>
  waitUntil("work to resume", async () => (await acked(redis, btts)) > from, timeoutMs)

describe.skipIf(skipWithoutRedis("fault suite: Redis restarts", { ownServer: true }))("scenario 2: Redis killed, restarted, absent", () => {
  const { proxies, servers, dirs } = faultSuite()
  const start = async (options: Parameters<typeof startRedisServer>[0]) => {
    const server = await startRedisServer(options)
    servers.push(server)
    return server
  }

  it("kill -9 with AOF, restarted from its files: nothing lost, nothing published twice", async () => {
    expectRow("2a Redis kill -9, AOF restart")
    const dir = await mkdtemp(join(tmpdir(), "faults-aof-"))
    dirs.push(dir)
    const aof = ["--appendonly", "yes", "--appendfsync", "everysec"]
    const first = await start({ dir, args: aof })
    let redis = admin(first.port)
    try {
      const jobs = syntheticJobs(scaled(10_000, 2000), "aof")
      await feed(redis, btts, jobs)
      await sleep(1500) // the jobs themselves are on disk (everysec) before the worker starts and Redis crashes
      // Through a slow link (2 ms a chunk), so that the crash lands mid-flow; the proxy reconnects to the restarted server.
      const proxy = await startProxy({ host: first.host, port: first.port })
      proxies.push(proxy)
      proxy.delay(2)
      const worker = startWorker("worker", { REDIS_URL: proxy.url(), STREAM: btts })
      await waitUntil("a quarter processed", async () => (await acked(redis, btts)) >= jobs.length / 4, 60_000)
      const publishedAtKill = await redis.xlen(matchedBtts)
      await first.kill("SIGKILL")
      redis.disconnect()
      await sleep(1000)
      const second = await start({ dir, port: first.port, args: aof })
      const restarted = Date.now()
      redis = admin(second.port)
      // Progress after the restart: new publications (the group's read counters are rebuilt from the AOF).
      const restored = await redis.xlen(matchedBtts)
      const recovery = await waitUntil("publications to resume", async () => (await redis.xlen(matchedBtts)) > restored, 30_000)
      await drained(redis, btts, 120_000)
      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const problems = [...v.problems]
      if (worker.exit() !== undefined) problems.push("the worker exited")
      record(rowOf("2a Redis kill -9, AOF restart", { ...v, problems }, recovery, worker.peakRss(),
        `killed with ${publishedAtKill} publications (${restored} restored from the AOF); recovery = restart to the next publication; drained ${((Date.now() - restarted) / 1000).toFixed(1)} s after the restart`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })

  it("restarted empty: NOGROUP, the group is recreated, the jobs added afterwards are all processed", async () => {
    expectRow("2b Redis restarted empty")
    const first = await start({})
    let redis = admin(first.port)
    try {
      const before = syntheticJobs(400, "lost")
      const after = syntheticJobs(scaled(4000, 400), "empty")
      const worker = startWorker("worker", { REDIS_URL: first.url, STREAM: btts })
      await readersReady(redis, 1)
      await feed(redis, btts, before)
      await drained(redis, btts, 30_000)
      await first.kill("SIGKILL")
      redis.disconnect()
      await sleep(1000)
      const second = await start({ port: first.port })
      redis = admin(second.port)
      const restarted = Date.now()
      await feed(redis, btts, after)
      await resumed(redis, 0, 30_000)
      const recovery = Date.now() - restarted
      await drained(redis, btts, 60_000)
      const v = await verify(redis, { stream: btts, jobs: after, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const problems = [...v.problems]
      const recreated = worker.output().match(/consumer group was missing \(NOGROUP\): recreated/g)?.length ?? 0
      if (recreated < 1) problems.push("no group recreation logged")
      if (worker.exit() !== undefined) problems.push("the worker exited")
      record(rowOf("2b Redis restarted empty", { ...v, problems }, recovery, worker.peakRss(),
        `group recreated ${recreated}×; the ${before.length} jobs done before the restart went with the server's memory; recovery = restart to the first acknowledgement`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })

  it("absent at start, started later: the worker waits, then works", async () => {
    expectRow("2c Redis absent at start")
    const port = await freePort()
    const worker = startWorker("worker", { REDIS_URL: `redis://127.0.0.1:${port}`, STREAM: btts })
    await sleep(4000)
    const problems: Array<string> = []
    const early = worker.exit()
    if (early !== undefined) problems.push(`the worker exited (${early.code ?? early.signal}) while Redis was absent`)
    const server = await start({ port })
    const startedAt = Date.now()
    const redis = admin(server.port)
    try {
      const jobs = syntheticJobs(scaled(2000, 400), "late")
      await feed(redis, btts, jobs)
      const recovery = early === undefined ? await resumed(redis, 0, 30_000).then(() => Date.now() - startedAt) : null
      if (early === undefined) await drained(redis, btts, 60_000)
      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const all = { ...v, problems: [...problems, ...v.problems] }
      record(rowOf("2c Redis absent at start", all, recovery, worker.peakRss(),
        "Redis started 4 s after the worker; recovery = Redis start to the first acknowledgement"))
      expect(all.problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })
})
