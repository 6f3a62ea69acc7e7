// Scenario 5: poison jobs — undecodable fields, missing fields, an unknown bookmaker, `__proto__`-style keys,
// invalid UTF-8, a 5 MB field, a thousand fields — mixed into a stream of good jobs. Each one is dead-lettered
// with its reason and acknowledged on its first delivery (the claim idle is a minute, so a second delivery
// would not fit in the time allowed), once; the good jobs around them are written and matched; the worker
// keeps running and its output stays small.
import { describe, expect, it } from "vitest"
import { deadLetterStream } from "../../src/redis/keys.ts"
import { skipWithoutRedis } from "../support/redisServer.ts"
import { readAll, verify } from "./support/check.ts"
import { startWorker } from "./support/children.ts"
import { admin, btts, drained, feed, type Job, matchedBtts, syntheticJobs } from "./support/jobs.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { faultSuite } from "./support/suite.ts"

const valid = { extractor_type: "btts", data_source: "upcoming" } as const

/** Each poison job and a pattern its dead letter's reason must match. */
const poison: ReadonlyArray<{ readonly name: string; readonly fields: Record<string, string | Buffer>; readonly reason: RegExp }> = [
  { name: "unknown market", fields: { bookmaker: "BookieAlpha", extractor_type: "corners", data_source: "upcoming", stream_date: "p" }, reason: /undecodable/ },
  { name: "unknown source", fields: { bookmaker: "BookieAlpha", extractor_type: "btts", data_source: "yesterday", stream_date: "p" }, reason: /undecodable/ },
  { name: "missing fields", fields: { bookmaker: "BookieBeta" }, reason: /undecodable/ },
  { name: "empty field name", fields: { "": "x" }, reason: /undecodable/ },
  { name: "blank bookmaker", fields: { ...valid, bookmaker: "   ", stream_date: "p" }, reason: /undecodable/ },
  { name: "unknown bookmaker", fields: { ...valid, bookmaker: "BookieOmega", stream_date: "p" }, reason: /UnknownBookmaker/ },
  {
    name: "__proto__ keys",
    fields: {
      ["__proto__"]: JSON.stringify({ ...valid, bookmaker: "BookieAlpha", stream_date: "p" }),
      constructor: "BookieAlpha",
      toString: "btts",
      hasOwnProperty: "upcoming"
    },
    reason: /undecodable/
  },
  {
    name: "JSON in fields",
    fields: { bookmaker: '{"$ne":null}', extractor_type: '["btts"]', data_source: "{}", stream_date: "null" },
    reason: /undecodable/
  },
  { name: "invalid UTF-8", fields: { ...valid, bookmaker: Buffer.from([0xff, 0xfe, 0xc3, 0x28]), stream_date: "p" }, reason: /UnknownBookmaker|undecodable/ },
  { name: "5 MB field", fields: { ...valid, bookmaker: "BookieGamma", stream_date: "x".repeat(5 * 1024 * 1024) }, reason: /undecodable/ },
  {
    name: "1000 fields",
    fields: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, "v"])),
    reason: /undecodable/
  }
]

describe.skipIf(skipWithoutRedis("fault suite: poison jobs", { ownServer: true }))("scenario 5: poison jobs", () => {
  const suite = faultSuite({ shared: "server" })

  it("dead-letters and acknowledges every poison job on its first delivery; the good ones complete", async () => {
    expectRow("5 poison jobs")
    const redis = admin(suite.server.port)
    try {
      const good = syntheticJobs(40, "good")
      // Poison interleaved with good jobs, so they share batches.
      const jobs: Array<Job> = []
      const poisonJobs: Array<Job> = []
      good.forEach((job, i) => {
        jobs.push(job)
        const p = poison[i]
        if (p !== undefined) {
          const pj: Job = { fields: p.fields as Record<string, string> }
          jobs.push(pj)
          poisonJobs.push(pj)
        }
      })
      const worker = startWorker("worker", {
        REDIS_URL: suite.server.url,
        STREAM: btts,
        XTR_BATCH: "8",
        XTR_CLAIM_IDLE: "1 minute"
      })
      await worker.waitFor(/consumer group created|worker starting/)
      const started = Date.now()
      await feed(redis, btts, jobs)
      await drained(redis, btts, 20_000)
      const took = Date.now() - started

      const v = await verify(redis, {
        stream: btts,
        jobs,
        mustDie: new Set(poisonJobs.map((j) => j.id!)),
        written: { kind: "synthetic", fixturesPerJob: 5 },
        matchedStreams: [matchedBtts],
        expectMatches: true
      })
      const problems = [...v.problems]
      // First delivery: a second one would need XTR_CLAIM_IDLE (1 minute).
      if (took > 30_000) problems.push(`took ${took} ms: poison jobs were not settled on their first delivery`)
      poison.forEach((p, i) => {
        const reason = v.deadReasons.get(poisonJobs[i]!.id!) ?? ""
        if (!p.reason.test(reason)) problems.push(`${p.name}: dead-letter reason ${JSON.stringify(reason.slice(0, 200))} does not match ${p.reason}`)
      })
      // Dead letters are clipped: the 5 MB job leaves a small entry.
      const letters = await readAll(redis, deadLetterStream(btts))
      const largest = Math.max(...letters.map((l) => Object.entries(l.fields).reduce((n, [k, val]) => n + k.length + val.length, 0)))
      if (largest > 32 * 1024) problems.push(`a dead letter holds ${largest} bytes`)
      if (worker.exit() !== undefined) problems.push("the worker exited")
      if (worker.output().length > 1024 * 1024) problems.push(`the worker logged ${worker.output().length} bytes`)
      record(rowOf("5 poison jobs", { ...v, problems }, null, worker.peakRss(), `settled in ${(took / 1000).toFixed(1)} s with XTR_CLAIM_IDLE=1 minute`))
      expect(problems).toEqual([])
      expect(v.deadLettered).toBe(poison.length)
      expect(v.processed).toBe(good.length)
    } finally {
      redis.disconnect()
    }
  })
})
