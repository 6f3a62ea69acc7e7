// End to end on a real redis-server (issue 3): the simulator's four bookmakers, one round of jobs injected
// straight into each of the six job streams (every bookmaker × every period, no scheduler), and a worker
// per stream. What the workers matched must be exactly the fixtures the simulator's ground truth has listed
// by enough bookmakers: no miss, no unexpected match, no entry mixing two fixtures, no job lost or dead-lettered.
//
// The simulator's clock is frozen at a pinned anchor, so every request sees the same books (live minutes,
// scores and suspensions do not move while the jobs run) and the expectation is read from the same BookView
// at the same instant. The workers' clock is moved to that anchor, so their day offsets name the simulator's
// days whatever the time of day the test runs at, and the world is the same on every run.
//
// E2E_SEED, E2E_FIXTURES, E2E_LIVE and E2E_ANCHOR run another world, e.g. a large one to look at fixture
// identity at scale (`E2E_FIXTURES=3000 npx vitest run test/e2e`); the drain and job timeouts grow with the world.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Redis } from "ioredis"
import { Duration, Result, Schema } from "effect"
import { type JobStream, jobStreams } from "../../src/app/System.ts"
import { Bookmaker, bookmakers, type DataSource, dataSources, type Market, markets } from "../../src/domain/Market.ts"
import { StoredQuoteJson, updatedField } from "../../src/pipeline/entryHash.ts"
import { deadLetterStream, entryKey, matchedStream } from "../../src/redis/keys.ts"
import { planRound } from "../../src/scheduler/plan.ts"
import { startSimulator, type Simulator } from "../../src/simulator/Server.ts"
import { bookView } from "../../src/simulator/SimBookView.ts"
import { groundTruth } from "../../src/simulator/Truth.ts"
import { admin, feed, groupState, waitUntil } from "../faults/support/jobs.ts"
import { httpEnv } from "../faults/support/sim.ts"
import { type RedisServer, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { compare, type Comparison, type StoredEntry } from "./compare.ts"
import { expectedFixtures, listedBy } from "./expected.ts"
import { type RunningWorker, startWorker } from "./workers.ts"

const setting = (name: string, fallback: string): string => process.env[name] || fallback
const wholeNumber = (name: string, fallback: number): number => {
  const n = Number(setting(name, String(fallback)))
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`)
  return n
}
const anchor = new Date(setting("E2E_ANCHOR", "2025-03-01T14:07:00.000Z"))
if (Number.isNaN(anchor.getTime())) throw new Error(`E2E_ANCHOR must be an ISO-8601 instant, got ${process.env["E2E_ANCHOR"]}`)
const world = {
  seed: setting("E2E_SEED", "e2e-worker-vs-truth"),
  anchor,
  fixtures: wholeNumber("E2E_FIXTURES", 600),
  live: wholeNumber("E2E_LIVE", 24),
  mispricings: 0
}
const days = 5
const threshold: { readonly [M in Market]: number } = { btts: 2, three_way: 3, double_chance: 3 }
/** About 4 s for the default world on two cores; room for a loaded machine, and for larger worlds. */
const drainWithinMs = Math.max(40_000, 40 * world.fixtures)
/**
 * A job's requests and response sizes grow with the fixtures of its day (Delta's chunks of ids, Beta's and
 * Gamma's pages), so its timeout does too: 5 s up to the default 600 fixtures, 25 s at 3,000. A job that
 * timed out would be retried only after the claim idle (twice this), past the drain timeout.
 */
const jobTimeoutMs = Math.max(5_000, Math.ceil(world.fixtures * 25 / 3))

const isBookmaker = Schema.is(Bookmaker)
const decodeStored = Schema.decodeUnknownResult(StoredQuoteJson)

/** Every entry hash of a (source, market), its quotes decoded. */
const readEntries = async (redis: Redis, source: DataSource, market: Market): Promise<Array<StoredEntry>> => {
  const keys: Array<string> = []
  let cursor = "0"
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${entryKey(source, market, "")}*`, "COUNT", 1000)
    cursor = next
    keys.push(...found)
  } while (cursor !== "0")
  return Promise.all(keys.sort().map(async (key): Promise<StoredEntry> => {
    const fields = await redis.hgetall(key)
    const quotes: Array<StoredEntry["quotes"][number]> = []
    const invalid: Array<string> = []
    for (const [name, value] of Object.entries(fields)) {
      if (!isBookmaker(name)) continue
      const decoded = decodeStored(value)
      if (Result.isSuccess(decoded) && decoded.success.bookmaker === name) {
        const q = decoded.success
        quotes.push({ bookmaker: q.bookmaker, eventId: q.eventId, home: q.listing.home, away: q.listing.away })
      } else invalid.push(name)
    }
    return { key, matched: fields[updatedField] !== undefined, quotes, invalid }
  }))
}

/** The `data_key`s on a matched stream. */
const publishedKeys = async (redis: Redis, source: DataSource, market: Market): Promise<Set<string>> => {
  const messages = await redis.xrange(matchedStream(source, market), "-", "+")
  return new Set(messages.flatMap(([, flat]) => {
    const at = flat.indexOf("data_key")
    return at >= 0 && at % 2 === 0 ? [flat[at + 1]!] : []
  }))
}

const problemsOf = (c: Comparison): Array<string> => [
  ...c.misses.map((m) => `miss: ${m}`),
  ...c.unexpected.map((m) => `unexpected match: ${m}`),
  ...c.falseJoins.map((m) => `false join: ${m}`),
  ...c.duplicates.map((m) => `duplicate: ${m}`),
  ...c.incomplete.map((m) => `incomplete: ${m}`),
  ...c.unpublished.map((m) => `publication: ${m}`)
]

const suite = "workers on the simulator vs its ground truth (redis-server)"
describe.skipIf(skipWithoutRedis(suite, { ownServer: true }))(suite, () => {
  let redis: RedisServer
  let sim: Simulator
  let client: Redis

  beforeAll(async () => {
    // Its own server: the job, entry and matched-stream names are the production ones.
    redis = await startRedisServer()
    sim = await startSimulator({ world, clock: () => anchor })
    client = admin(redis.port)
  })
  afterAll(async () => {
    client?.disconnect()
    await sim?.close()
    await redis?.stop()
  })

  it("matches exactly the fixtures listed by enough bookmakers, for each market and source", async () => {
    const plan = { liveEvery: Duration.seconds(3), upcomingEvery: Duration.minutes(5), days, bookmakers, markets }
    const rounds = dataSources.flatMap((source) => planRound(plan, source))
    for (const round of rounds) await feed(client, round.stream, round.jobs.map((fields) => ({ fields })))

    const started = Date.now()
    const envOf = ({ market, source, stream }: JobStream) => ({
      ...httpEnv(sim, jobTimeoutMs),
      REDIS_URL: redis.url,
      STREAM: stream,
      XTRTYPE: `${market}-${source}-worker`,
      MATCH_MIN: String(threshold.three_way),
      MATCH_MIN_BTTS: String(threshold.btts),
      XTR_WINDOW: "200 millis",
      XTR_BLOCK: "200 millis"
    })
    const workers: Array<RunningWorker> = jobStreams.map((s) => startWorker(envOf(s), anchor.getTime() - Date.now()))
    try {
      await waitUntil("every job stream drained (pending 0, lag 0)", async () => {
        const failed = workers.map((w) => w.failure()).find((f) => f !== undefined)
        if (failed !== undefined) throw new Error(`a worker ended: ${failed}`)
        const states = await Promise.all(jobStreams.map((s) => groupState(client, s.stream)))
        return states.every((g) => g !== undefined && g.pending === 0 && g.lag === 0)
      }, drainWithinMs, 100)
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
    }
    const drainedMs = Date.now() - started

    const truth = groundTruth(sim.world)
    const view = bookView(sim.world)
    const problems: Array<string> = []
    const lines: Array<string> = []
    for (const s of jobStreams) {
      const jobs = rounds.find((r) => r.stream === s.stream)!.jobs.length
      const state = await groupState(client, s.stream)
      const dead = await client.xlen(deadLetterStream(s.stream))
      if (state?.pending !== 0 || state.entriesRead !== jobs) {
        problems.push(`${s.stream}: ${state?.pending} pending, ${state?.entriesRead} of ${jobs} jobs read`)
      }
      if (dead > 0) problems.push(`${s.stream}: ${dead} jobs dead-lettered`)

      const listed = listedBy(view, s.source, s.market, anchor, days)
      const result = compare({
        truth,
        listed,
        expected: expectedFixtures(listed, threshold[s.market]),
        entries: await readEntries(client, s.source, s.market),
        published: await publishedKeys(client, s.source, s.market)
      })
      // A world where nothing is expected would pass vacuously.
      if (result.expected === 0) problems.push(`${s.source} ${s.market}: the truth expects no match at all`)
      const found = problemsOf(result)
      problems.push(...found.map((p) => `${s.source} ${s.market} ${p}`))
      lines.push(
        `${s.source.padEnd(8)} ${s.market.padEnd(13)} matched ${result.matched}/${result.expected} expected fixtures ` +
          `(${result.entries} entries, ${jobs} jobs): ${result.misses.length} misses, ${result.unexpected.length} unexpected, ` +
          `${result.falseJoins.length} false joins, ${result.duplicates.length} duplicates, ${result.incomplete.length} incomplete`
      )
    }
    console.log(`worker vs truth (seed ${world.seed}, drained and stopped in ${(drainedMs / 1000).toFixed(1)} s):\n${lines.join("\n")}`)
    expect(problems).toEqual([])
  }, drainWithinMs + 30_000)
})
