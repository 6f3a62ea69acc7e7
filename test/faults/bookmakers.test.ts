// Scenario 4: bookmaker faults from the simulator's knobs, one kind per bookmaker, while the others answer.
// Phase one: Alpha hangs, Gamma answers 429 with Retry-After 1 s, Delta drips one byte every 2 s, Beta is
// healthy. Phase two: Alpha truncates, Gamma sends malformed JSON, Delta a 4 MB body against a 1 MB cap, Beta
// is healthy but slow. Phase three: Beta answers 10 % of requests with 500 and resets 5 % of connections,
// Gamma 30 % 500s — retried with backoff, they (nearly) all complete. Each time: every attempt
// ends within its overall timeout (BOOKIE_TIMEOUT 1 s), no bookmaker ever has more than BOOKIE_CONCURRENCY (2; Beta 4)
// requests in flight, 429s wait for Retry-After, each failing job is retried and dead-lettered after
// XTR_MAX_DELIVERIES (2) with its last error, and the healthy bookmaker's jobs in the same batches complete on
// their first delivery. When the faults are lifted, the next jobs of the failing bookmakers succeed.
import { describe, expect, it } from "vitest"
import type { Bookmaker } from "../../src/domain/Market.ts"
import type { FaultSettings } from "../../src/simulator/Faults.ts"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { quotesByJob, verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import { btts, createGroup, drained, feed, type Job, matchedBtts, readersReady, waitUntil } from "./support/jobs.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { httpEnv, interleaved, upcomingJobs } from "./support/sim.ts"
import { faultSuite } from "./support/suite.ts"

const concurrency = 2
const settings = {
  STREAM: btts,
  XTR_BATCH: "8",
  // One batch at a time: with several, jobs queue behind the bookmaker's cap long enough to reach
  // XTR_JOB_TIMEOUT, and the per-attempt timeout could no longer be told from the logs.
  XTR_INFLIGHT: "1",
  XTR_JOB_TIMEOUT: "4 seconds",
  // Over XTR_WINDOW + 2 × XTR_JOB_TIMEOUT: the source reads the next batch while one runs, and an entry
  // waiting in this worker must not look idle (a reclaim would count a delivery that was never attempted).
  XTR_CLAIM_IDLE: "9 seconds",
  XTR_MAX_DELIVERIES: "2",
  BOOKIE_TIMEOUT: "1 second",
  BOOKIE_RETRIES: "2",
  BOOKIE_RETRY_BASE: "200 millis",
  BOOKIE_RETRY_AFTER_MAX: "5 seconds",
  BOOKIE_CONCURRENCY: String(concurrency),
  BOOKIE_BETA_CONCURRENCY: "4", // Beta fans out to a request per event
  BOOKIE_DELTA_MAX_BODY_BYTES: String(1024 * 1024)
}

/** Milliseconds since the epoch of every log line of `bookmaker`'s failed jobs. */
const failureTimes = (output: string, bookmaker: Bookmaker): Array<number> =>
  output.split("\n")
    .filter((l) => l.includes("message=\"job failed\"") && l.includes(`bookmaker=${bookmaker}`))
    .map((l) => Date.parse(/timestamp=(\S+)/.exec(l)?.[1] ?? ""))

describe.skipIf(skipWithoutRedis("fault suite: bookmaker faults", { ownServer: true }))("scenario 4: bookmaker faults", () => {
  const suite = faultSuite({ shared: "admin", simulator: true })

  /**
   * `aborting`: bookmakers whose attempts the worker cuts (timeout, body cap). The simulator still counts
   * such a request open until it sees the connection close, which can come just after the next attempt
   * arrives, so for them one more request than the cap may show there; the others are held to the cap exactly.
   */
  const phase = (
    name: string,
    faults: FaultSettings,
    failing: ReadonlyArray<Bookmaker>,
    aborting: ReadonlyArray<Bookmaker>,
    healthy: Bookmaker,
    extraChecks: (output: string, fedAt: number) => Array<string>,
    flaky: ReadonlyArray<Bookmaker> = []
  ) =>
    it(name, async () => {
      expectRow(name.split(":")[0]!)
      suite.sim.control.set(faults)
      suite.sim.control.resetStats()
      const jobs = interleaved(upcomingJobs())
      await createGroup(suite.redis, btts)
      const worker = startWorker("worker", { ...httpEnv(suite.sim), ...settings, REDIS_URL: suite.server.url })
      await readersReady(suite.redis, 1)
      const fedAt = Date.now()
      await feed(suite.redis, btts, jobs)
      const problems: Array<string> = []
      const of = (b: Bookmaker) => jobs.filter((j) => j.fields["bookmaker"] === b).map((j) => j.id!)

      // The healthy bookmaker's jobs complete, held back only by the timeouts of the batches they share.
      const firstBatches = await waitUntil(`${healthy}'s jobs done`, async () => {
        const written = await quotesByJob(suite.redis)
        return of(healthy).every((id) => written.has(`${btts}/${id}`))
      }, 30_000)
      await drained(suite.redis, btts, 60_000)
      const stats = suite.sim.control.stats()
      for (const [bookmaker, s] of Object.entries(stats)) {
        const cap = bookmaker === "BookieBeta" ? 4 : concurrency
        const seen = aborting.includes(bookmaker as Bookmaker) ? cap + 1 : cap
        if (s.maxInFlight > seen) problems.push(`${bookmaker}: ${s.maxInFlight} requests in flight (cap ${cap})`)
      }
      problems.push(...extraChecks(worker.output(), fedAt))
      // The healthy bookmaker's jobs share batches with the failing ones and still complete on their first delivery.
      if (failureTimes(worker.output(), healthy).length > 0) problems.push(`${healthy}'s jobs failed in batches shared with the faults`)

      // The faults lifted: the failing bookmakers' next jobs succeed.
      suite.sim.control.set({})
      const cleared = Date.now()
      const retry: Array<Job> = failing.map((bookmaker) => ({ fields: { bookmaker, extractor_type: "btts", data_source: "upcoming", stream_date: "0" } }))
      await feed(suite.redis, btts, retry)
      await drained(suite.redis, btts, 30_000)
      const recovery = Date.now() - cleared

      const all = [...jobs, ...retry]
      const v = await verify(suite.redis, {
        stream: btts,
        jobs: all,
        mustDie: new Set(failing.flatMap(of)),
        deadAllowed: (job) => flaky.includes(job.fields["bookmaker"] as Bookmaker), // 500s/resets may outlast the retries
        written: { kind: "some" },
        matchedStreams: [matchedBtts]
      })
      for (const b of failing) {
        for (const id of of(b)) {
          const reason = v.deadReasons.get(id) ?? ""
          if (!/^gave up after 2 deliveries: /.test(reason)) problems.push(`${b} job ${id}: dead-letter reason ${JSON.stringify(reason.slice(0, 160))}`)
        }
      }
      // Retries absorb transient faults: a job of a flaky bookmaker dies only if all its attempts failed twice.
      const flakyDead = flaky.flatMap(of).filter((id) => v.deadReasons.has(id)).length
      if (flakyDead > 1) problems.push(`${flakyDead} jobs of ${flaky.join(", ")} dead-lettered despite the retries`)
      const healthyDone = of(healthy).filter((id) => !v.deadReasons.has(id)).length
      if (healthyDone < of(healthy).length - 1) problems.push(`only ${healthyDone} of ${healthy}'s jobs completed`)
      const requests = Object.entries(stats).map(([b, s]) => `${b.replace("Bookie", "")} ${s.requests} req, max ${s.maxInFlight} in flight`).join("; ")
      const all2 = { ...v, problems: [...v.problems, ...problems] }
      record(rowOf(name.split(":")[0]!, all2, failing.length === 0 ? null : recovery, worker.peakRss(),
        `${requests}; ${healthy}'s jobs done ${(firstBatches / 1000).toFixed(1)} s after feeding${failing.length === 0 ? "" : "; recovery = faults lifted to the failing bookmakers' next jobs done"}`))
      expect(all2.problems).toEqual([])
    })

  phase(
    "4a hang, 429, drip",
    {
      bookmakers: {
        BookieAlpha: { hang: 1 },
        BookieGamma: { rateLimit: 1, retryAfterSeconds: 1 },
        BookieDelta: { drip: 1, dripIntervalMs: 2000 }
      }
    },
    ["BookieAlpha", "BookieGamma", "BookieDelta"],
    ["BookieAlpha", "BookieDelta"],
    "BookieBeta",
    (output, fedAt) => {
      const problems: Array<string> = []
      // Gamma's first failure needs its three attempts and two Retry-After waits: ≥ 2 s after feeding.
      const gamma = failureTimes(output, "BookieGamma")
      if (gamma.length === 0) problems.push("no failure logged for Gamma")
      else if (Math.min(...gamma) - fedAt < 2000) problems.push(`Gamma failed ${Math.min(...gamma) - fedAt} ms after feeding: Retry-After not honoured`)
      // A hung or dripping attempt is cut at BOOKIE_TIMEOUT (jobs queued behind the cap may still reach XTR_JOB_TIMEOUT).
      for (const b of ["BookieAlpha", "BookieDelta"] as const) {
        if (!output.split("\n").some((l) => l.includes(`bookmaker=${b}`) && l.includes("no complete response within 1s"))) {
          problems.push(`${b}: no attempt cut at BOOKIE_TIMEOUT`)
        }
      }
      return problems
    }
  )

  phase(
    "4b truncated, malformed, huge bodies",
    {
      bookmakers: {
        BookieAlpha: { truncate: 1 },
        BookieGamma: { malformed: 1 },
        BookieDelta: { huge: 1, hugeBytes: 4 * 1024 * 1024 },
        BookieBeta: { latencyMs: 100 } // healthy but slow: its fan-out queues at its cap of 4
      }
    },
    ["BookieAlpha", "BookieGamma", "BookieDelta"],
    ["BookieDelta"],
    "BookieBeta",
    (output) =>
      output.split("\n").some((l) => l.includes("bookmaker=BookieDelta") && l.includes("larger than 1048576 bytes refused"))
        ? []
        : ["BookieDelta: the oversized body was not refused at BOOKIE_MAX_BODY_BYTES"]
  )

  phase(
    "4c 500s and connection resets",
    { bookmakers: { BookieBeta: { error: 0.1, reset: 0.05 }, BookieGamma: { error: 0.3 } } },
    [],
    [],
    "BookieAlpha",
    () => {
      const s = suite.sim.control.stats()
      // Every 500 or reset is retried: more requests than a clean run makes (Beta ~30 per job, Gamma 1–2).
      return s.BookieBeta.faults.error + s.BookieBeta.faults.reset === 0 || s.BookieGamma.faults.error === 0
        ? ["no fault fired"]
        : s.BookieGamma.requests <= 5 ? ["Gamma's 500s were not retried"] : []
    },
    ["BookieBeta", "BookieGamma"]
  )
})
