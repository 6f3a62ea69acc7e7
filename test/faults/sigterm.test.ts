// Scenario 7: SIGTERM while a batch is being fetched (a slow simulator: Alpha answers after 3 s). The worker
// stops reading within a second (of jobs added every 150 ms after the signal, none added later than 1 s is
// delivered to it), finishes the batch, acknowledges it and exits 0 within XTR_GRACE. When Redis is unreachable at that moment the batch cannot be written: it
// stays pending (never acknowledged), the worker still exits 0 within the grace time, and another worker
// completes the batch later.
import { beforeEach, describe, expect, it } from "vitest"
import { compareIds, parseId } from "../../src/redis/streamId.ts"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import {
  anyPending,
  btts,
  createGroup,
  drained,
  feed,
  groupState,
  matchedBtts,
  pendingOf,
  readersReady,
  sleep,
  waitUntil,
  within
} from "./support/jobs.ts"
import { startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { httpEnv, slowFetches, upcomingJobs } from "./support/sim.ts"
import { faultSuite } from "./support/suite.ts"

describe.skipIf(skipWithoutRedis("fault suite: SIGTERM", { ownServer: true }))("scenario 7: SIGTERM during a batch", () => {
  const suite = faultSuite({ shared: "admin", simulator: true })
  beforeEach(() => {
    suite.sim.control.set(slowFetches(3000))
  })

  const graceMs = 10_000
  const settings = (url: string) => ({
    REDIS_URL: url,
    STREAM: btts,
    ...httpEnv(suite.sim),
    XTR_BATCH: "8",
    XTR_BLOCK: "1 second", // the default: a read in flight at the signal may take this long to return
    XTR_JOB_TIMEOUT: "5 seconds",
    XTR_CLAIM_IDLE: "11 seconds", // over XTR_WINDOW + 2 × XTR_JOB_TIMEOUT
    XTR_GRACE: `${graceMs / 1000} seconds`
  })

  it("stops reading within a second, finishes and acknowledges the batch, exits 0 within the grace time", async () => {
    expectRow("7a SIGTERM mid-batch")
    const jobs = upcomingJobs()
    const [early, late] = [jobs.slice(0, 12), jobs.slice(12)]
    await createGroup(suite.redis, btts)
    const worker = startWorker("worker", settings(suite.server.url))
    await readersReady(suite.redis, 1)
    await feed(suite.redis, btts, early)
    await waitUntil("fetches in flight", () => Object.values(suite.sim.control.stats()).some((s) => s.inFlight > 0), 10_000)
    const batch = await pendingOf(suite.redis, btts, worker.pid)
    const signalled = Date.now()
    worker.signal("SIGTERM")
    // One job every 150 ms after the signal: the last one the stopping worker takes says when it stopped reading.
    for (const job of late) {
      await sleep(150)
      await feed(suite.redis, btts, [job])
    }
    const exit = await within(worker.exited, graceMs + 5000, "the worker's exit")
    const exitMs = exit.at - signalled
    const problems: Array<string> = []
    if (exit.code !== 0) problems.push(`exit code ${exit.code ?? exit.signal}`)
    if (exitMs > graceMs) problems.push(`exited ${exitMs} ms after SIGTERM (grace ${graceMs} ms)`)
    if (await anyPending(suite.redis, btts, batch)) problems.push("the batch in flight was not acknowledged")
    const lastDelivered = parseId((await groupState(suite.redis, btts))?.lastDeliveredId ?? "0-0")
    const taken = late.filter((j) => compareIds(parseId(j.id!)!, lastDelivered!) <= 0)
    const stoppedReadingMs = Math.max(0, ...taken.map((j) => parseId(j.id!)!.ms - signalled))
    if (stoppedReadingMs > 1000) problems.push(`took a job added ${stoppedReadingMs} ms after SIGTERM`)
    if (!/worker stopped/.test(worker.output())) problems.push("no \"worker stopped\" line")

    // The rest is done by the next worker.
    suite.sim.control.set({})
    const next = startWorker("worker (next)", settings(suite.server.url))
    await drained(suite.redis, btts, 30_000)
    const v = await verify(suite.redis, { stream: btts, jobs, written: { kind: "some" }, matchedStreams: [matchedBtts] })
    const all = { ...v, problems: [...v.problems, ...problems] }
    record(rowOf("7a SIGTERM mid-batch", all, null, Math.max(worker.peakRss(), next.peakRss()),
      `exit 0 after ${(exitMs / 1000).toFixed(1)} s (grace ${graceMs / 1000} s, 3 s fetches); ${batch.length} in flight acknowledged; of ${late.length} jobs added every 150 ms after SIGTERM it took ${taken.length}${taken.length > 0 ? ` (the last added ${stoppedReadingMs} ms after)` : ""}`))
    expect(all.problems).toEqual([])
  })

  it("with Redis unreachable at that moment: exits 0 within the grace time, the batch stays pending for another worker", async () => {
    expectRow("7b SIGTERM, Redis down")
    const proxy = await startProxy({ host: suite.server.host, port: suite.server.port })
    try {
      const jobs = upcomingJobs()
      await createGroup(suite.redis, btts)
      const worker = startWorker("worker (via proxy)", settings(proxy.url()))
      await readersReady(suite.redis, 1)
      await feed(suite.redis, btts, jobs)
      await waitUntil("fetches in flight", () => Object.values(suite.sim.control.stats()).some((s) => s.inFlight > 0), 10_000)
      const batch = await pendingOf(suite.redis, btts, worker.pid)
      const signalled = Date.now()
      proxy.down()
      worker.signal("SIGTERM")
      const exit = await within(worker.exited, graceMs + 5000, "the worker's exit")
      const exitMs = exit.at - signalled
      const problems: Array<string> = []
      if (exit.code !== 0) problems.push(`exit code ${exit.code ?? exit.signal}`)
      if (exitMs > graceMs) problems.push(`exited ${exitMs} ms after SIGTERM (grace ${graceMs} ms)`)
      // Its writes failed: not one job of the batch may have been acknowledged.
      const stillPending = await pendingOf(suite.redis, btts, worker.pid)
      if (batch.some((id) => !stillPending.includes(id))) problems.push("a job of the unwritten batch was acknowledged")

      proxy.pass()
      suite.sim.control.set({})
      const from = Date.now()
      const next = startWorker("worker (next)", settings(suite.server.url))
      const recovery = await waitUntil("the batch reclaimed", async () => !(await anyPending(suite.redis, btts, batch)), 30_000)
      await drained(suite.redis, btts, 30_000)
      const v = await verify(suite.redis, { stream: btts, jobs, written: { kind: "some" }, matchedStreams: [matchedBtts] })
      const all = { ...v, problems: [...v.problems, ...problems] }
      record(rowOf("7b SIGTERM, Redis down", all, recovery, Math.max(worker.peakRss(), next.peakRss()),
        `exit 0 after ${(exitMs / 1000).toFixed(1)} s; ${batch.length} unwritten jobs left pending, reclaimed ${((Date.now() - from) / 1000).toFixed(1)} s after the next worker started (XTR_CLAIM_IDLE=11 s)`))
      expect(all.problems).toEqual([])
    } finally {
      await proxy.close()
    }
  })
})
