// Scenario 8: two workers and the detector share the load while jobs keep arriving; one worker is killed
// with SIGKILL and restarted again and again. The other worker (and each restart) reclaims what the killed
// ones left pending. In the end the totals add up: every job written once, every expected entry matched, no
// publication twice, and the detector has consumed and acknowledged every matched message.
import { describe, expect, it } from "vitest"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { readAll, verify } from "./support/check.ts"
import { type Child, startDetector, startWorker } from "./support/children.ts"
import {
  admin,
  anyPending,
  btts,
  createGroup,
  drained,
  feed,
  groupState,
  matchedBtts,
  pendingOf,
  readersReady,
  scaled,
  sleep,
  syntheticJobs,
  waitUntil
} from "./support/jobs.ts"
import { startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { faultSuite } from "./support/suite.ts"

const detectorGroup = "bookies-detector"

describe.skipIf(skipWithoutRedis("fault suite: shared load", { ownServer: true }))("scenario 8: two workers and a detector, one worker killed repeatedly", () => {
  const suite = faultSuite({ shared: "server" })
  const { proxies } = suite

  it("the totals add up", async () => {
    expectRow("8 two workers + detector, 6 kills")
    const redis = admin(suite.server.port)
    try {
      const jobs = syntheticJobs(scaled(12_000, 2000), "shared")
      const env = { REDIS_URL: suite.server.url, STREAM: btts }
      await createGroup(redis, btts)
      const detector = startDetector("detector", { REDIS_URL: suite.server.url })
      const steady = startWorker("worker (steady)", env)
      // Big batches and a slow link make the victim die with jobs in hand.
      const proxy = await startProxy({ host: suite.server.host, port: suite.server.port })
      proxies.push(proxy)
      proxy.delay(3)
      const victimEnv = { ...env, REDIS_URL: proxy.url(), XTR_BATCH: "100" }
      let victim: Child = startWorker("worker (victim)", victimEnv)
      await readersReady(redis, 3)

      // Jobs arrive in 20 chunks over the kills.
      const kills = 6
      const chunk = Math.ceil(jobs.length / 20)
      const feeding = (async () => {
        for (let from = 0; from < jobs.length; from += chunk) {
          await feed(redis, btts, jobs.slice(from, from + chunk))
          await sleep(400)
        }
      })()
      const left: Array<string> = []
      const peaks: Array<number> = []
      // Per kill: from the kill until the jobs the victim held are acknowledged (by the other worker or a restart).
      const recoveries: Array<Promise<number>> = []
      for (let i = 0; i < kills; i++) {
        await sleep(1300)
        await victim.kill()
        const killedAt = Date.now()
        const held = await pendingOf(redis, btts, victim.pid)
        left.push(...held)
        recoveries.push(waitUntil("a killed worker's jobs acknowledged", async () => !(await anyPending(redis, btts, held)), 60_000)
          .then(() => Date.now() - killedAt))
        peaks.push(victim.peakRss())
        victim = startWorker(`worker (victim, restart ${i + 1})`, victimEnv)
      }
      const recovery = Math.max(...await Promise.all(recoveries))
      await feeding
      await drained(redis, btts, 120_000)
      // The detector catches up with every publication.
      await waitUntil("the detector to catch up", async () => {
        const state = await groupState(redis, matchedBtts, detectorGroup)
        return state !== undefined && state.pending === 0 && state.lag === 0
      }, 60_000, 100)

      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const problems = [...v.problems]
      for (const c of [detector, steady, victim]) if (c.exit() !== undefined) problems.push(`${c.name} exited`)
      const detectorDead = await redis.xlen(`${matchedBtts}:dead`)
      if (detectorDead > 0) problems.push(`${detectorDead} matched messages dead-lettered by the detector`)
      // The same opportunity event (id, event, prices) twice in a row would be a double publication.
      const events = await readAll(redis, "opportunities")
      const last = new Map<string, string>()
      let repeated = 0
      for (const { fields } of events) {
        const legs = (JSON.parse(fields["legs"] ?? "[]") as Array<Record<string, unknown>>).map(({ age_ms: _, ...leg }) => leg)
        const key = JSON.stringify([fields["event"], legs, fields["roi"] ?? fields["edge"]])
        if (last.get(fields["id"] ?? "") === key) repeated++
        last.set(fields["id"] ?? "", key)
      }
      if (repeated > 0) problems.push(`${repeated} opportunity events repeated`)
      record(rowOf("8 two workers + detector, 6 kills", { ...v, problems }, recovery,
        Math.max(...peaks, steady.peakRss(), victim.peakRss(), detector.peakRss()),
        `${kills} SIGKILLs 1.3 s apart while jobs arrived (the victim through a 3 ms proxy, batches of 100); ${left.length} jobs pending at the kills, recovery = longest from a kill to the ack of the jobs it left; detector: ${v.publications} matched messages consumed, ${events.length} opportunity events (synthetic prices carry no mispricing)`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })
})
