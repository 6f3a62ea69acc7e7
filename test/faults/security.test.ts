// Security (issue 5): credentials never reach the output, whatever fails — a wrong password, a server that
// drops every connection, no server at all, an untrusted certificate; the worker and the detector run under
// exactly the least-privilege ACL users of docs/redis-acl.md; `rediss://` verifies the server's certificate
// (REDIS_TLS_CA) and refuses one it cannot verify; no request goes to a URL taken from a job's fields.
import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redis } from "ioredis"
import { describe, expect, it } from "vitest"
import { startSimulator } from "../../src/simulator/Server.ts"
import { freePort, makeTestCertificates, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import { verify } from "./support/check.ts"
import { type Child, repoRoot, startDetector, startWorker, tail } from "./support/children.ts"
import { admin, btts, drained, feed, groupState, type Job, matchedBtts, sleep, syntheticJobs, waitUntil, within } from "./support/jobs.ts"
import { startProxy } from "./support/proxy.ts"
import { expectRow, record, rowOf } from "./support/results.ts"
import { httpEnv, upcomingJobs } from "./support/sim.ts"
import { faultSuite } from "./support/suite.ts"

const secret = (name: string) => `${name}-S3cr3t-${Math.random().toString(36).slice(2, 10)}`

/** The rules of docs/redis-acl.md's `acl` block, with the passwords filled in. */
const aclRules = async (passwords: { readonly worker: string; readonly detector: string }): Promise<string> => {
  const doc = await readFile(join(repoRoot, "docs", "redis-acl.md"), "utf8")
  const block = /```acl\n([\s\S]*?)```/.exec(doc)?.[1]
  if (block === undefined) throw new Error("docs/redis-acl.md has no acl block")
  return block.replaceAll("${WORKER_PASSWORD}", passwords.worker).replaceAll("${DETECTOR_PASSWORD}", passwords.detector)
}

const leaks = (child: Child, ...secrets: ReadonlyArray<string>) => secrets.filter((s) => child.output().includes(s))

describe.skipIf(skipWithoutRedis("fault suite: security", { ownServer: true }))("security: credentials, ACL, TLS", () => {
  const { proxies, servers, dirs } = faultSuite()

  it("never prints a password: wrong password, dropped connections, no server", async () => {
    expectRow("S1 secrets never printed")
    const password = secret("right")
    const wrong = secret("wrong")
    const server = await startRedisServer({ password })
    servers.push(server)
    const problems: Array<string> = []

    // Wrong password: refused at once (not retried as if Redis were down), non-zero exit, no password.
    for (const command of ["worker", "detect"] as const) {
      const url = `redis://:${wrong}@127.0.0.1:${server.port}`
      const child = command === "worker" ? startWorker("worker (wrong password)", { REDIS_URL: url, STREAM: btts }) : startDetector("detector (wrong password)", { REDIS_URL: url })
      const exit = await within(child.exited, 15_000, `${child.name} to exit`)
      if (exit.code === 0) problems.push(`${child.name} exited 0`)
      if (!/WRONGPASS/.test(child.output())) problems.push(`${child.name}: no WRONGPASS in its output:\n${tail(child.output(), 5)}`)
      if (leaks(child, wrong, password).length > 0) problems.push(`${child.name} printed a password`)
    }

    // The right password, through a proxy that drops every connection, then refuses them, then passes.
    const proxy = await startProxy({ host: server.host, port: server.port })
    proxies.push(proxy)
    const url = `redis://:${password}@127.0.0.1:${proxy.port}`
    const worker = startWorker("worker (dropped connections)", { REDIS_URL: url, STREAM: btts })
    const detector = startDetector("detector (dropped connections)", { REDIS_URL: url })
    const redis = admin(server.port, "127.0.0.1", { password })
    try {
      await waitUntil("both connected", async () => proxy.connections() >= 4, 15_000)
      const jobs = syntheticJobs(200, "sec")
      await feed(redis, btts, jobs.slice(0, 100))
      for (let i = 0; i < 4; i++) {
        await sleep(500)
        proxy.cut()
      }
      proxy.down()
      await sleep(2000)
      proxy.pass()
      await feed(redis, btts, jobs.slice(100))
      await drained(redis, btts, 30_000)
      for (const child of [worker, detector]) {
        if (child.exit() !== undefined) problems.push(`${child.name} exited`)
        if (leaks(child, password).length > 0) problems.push(`${child.name} printed the password`)
      }
      if (!/Connection is closed|ECONNRESET|ECONNREFUSED|reader reconnects|read failed/.test(worker.output())) {
        problems.push("the worker logged no connection failure: the fault did not hit it")
      }
      // No server at all: the wait-for-Redis warnings carry no password either.
      const port = await freePort()
      const absent = startWorker("worker (no server)", { REDIS_URL: `redis://user:${password}@127.0.0.1:${port}`, STREAM: btts })
      await absent.waitFor(/Redis not reachable yet/, 15_000)
      await sleep(1500)
      if (leaks(absent, password).length > 0) problems.push(`${absent.name} printed the password`)
      const v = await verify(redis, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      const all = { ...v, problems: [...v.problems, ...problems] }
      record(rowOf("S1 secrets never printed", all, null, Math.max(worker.peakRss(), detector.peakRss()),
        "wrong password (worker, detector: WRONGPASS, exit ≠ 0), connections cut 4× and refused 2 s, no server: the password never in stdout/stderr"))
      expect(all.problems).toEqual([])
    } finally {
      redis.disconnect()
    }
  })

  it("the worker and the detector run under exactly the ACL users of docs/redis-acl.md", async () => {
    expectRow("S2 worker + detector under the ACL")
    const passwords = { worker: secret("worker"), detector: secret("detector") }
    const dir = await mkdtemp(join(tmpdir(), "faults-acl-"))
    dirs.push(dir)
    const aclFile = join(dir, "users.acl")
    await writeFile(aclFile, `user default on nopass ~* &* +@all\n${await aclRules(passwords)}`)
    const server = await startRedisServer({ args: ["--aclfile", aclFile] })
    servers.push(server)
    const sim = await startSimulator({})
    const redis = admin(server.port)
    try {
      const workerUrl = `redis://bookies-worker:${passwords.worker}@127.0.0.1:${server.port}`
      const detectorUrl = `redis://bookies-detector:${passwords.detector}@127.0.0.1:${server.port}`
      // All three upcoming markets, so that the detector prices whole fixtures and publishes opportunities.
      const streams = { btts: "XTR-BTTS_upcoming_stream", three_way: "XTR-THREE_WAY_upcoming_stream", double_chance: "XTR-DOUBLE_CHANCE_upcoming_stream" } as const
      const workers = Object.values(streams).map((stream) =>
        startWorker(`worker ${stream}`, { ...httpEnv(sim), REDIS_URL: workerUrl, STREAM: stream, XTR_TRIM_EVERY: "1 second" }))
      const detector = startDetector("detector", { REDIS_URL: detectorUrl })
      const jobs = new Map<string, Array<Job>>()
      for (const [market, stream] of Object.entries(streams)) {
        const list = upcomingJobs(market as keyof typeof streams)
        jobs.set(stream, list)
        await feed(redis, stream, list)
      }
      for (const stream of Object.values(streams)) await drained(redis, stream, 60_000)
      const matched = Object.keys(streams).map((m) => `upcoming_${m}-matched_stream`)
      await waitUntil("the detector to catch up", async () => {
        for (const m of matched) {
          const state = await groupState(redis, m, "bookies-detector")
          if (state === undefined || state.pending !== 0 || state.lag !== 0) return false
        }
        return true
      }, 60_000, 100)
      await sleep(1500) // a trim round and a detector sweep under the ACL too

      const problems: Array<string> = []
      const verdicts = await Promise.all(Object.entries(streams).map(([market, stream]) =>
        verify(redis, { stream, jobs: jobs.get(stream)!, written: { kind: "some" }, matchedStreams: [`upcoming_${market}-matched_stream`] })))
      for (const v of verdicts) problems.push(...v.problems)
      for (const child of [...workers, detector]) {
        if (child.exit() !== undefined) problems.push(`${child.name} exited`)
        if (/NOPERM|NOAUTH|WRONGPASS/.test(child.output())) problems.push(`${child.name}: ${tail(child.output().split("\n").filter((l) => /NOPERM|NOAUTH|WRONGPASS/.test(l)).join("\n"), 3)}`)
      }
      const events = await redis.xlen("opportunities")
      if (events === 0) problems.push("no opportunity published: the detector's writes were not exercised")
      // The users really are restricted: a command outside the rules is refused.
      const probe = admin(server.port, "127.0.0.1", { username: "bookies-worker", password: passwords.worker })
      const refused = await probe.call("GET", "opportunities:active").then(() => false, (e: Error) => /NOPERM/.test(e.message))
      probe.disconnect()
      if (!refused) problems.push("the worker user may GET another key")
      const sum = verdicts.reduce((a, v) => ({ ...a, jobsIn: a.jobsIn + v.jobsIn, processed: a.processed + v.processed, deadLettered: a.deadLettered + v.deadLettered, lost: a.lost + v.lost, duplicates: (a.duplicates ?? 0) + (v.duplicates ?? 0) }))
      record(rowOf("S2 worker + detector under the ACL", { ...sum, problems }, null, Math.max(...workers.map((w) => w.peakRss()), detector.peakRss()),
        `3 workers (bookies-worker) and the detector (bookies-detector) under docs/redis-acl.md; ${events} opportunity events; a GET outside the rules refused`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
      await sim.close()
    }
  })

  it("builds no URL from job fields: URLs and paths in a job reach no server", async () => {
    expectRow("S4 no URL from job fields")
    const server = await startRedisServer()
    servers.push(server)
    const sim = await startSimulator({})
    let trapped = 0
    const trap = createServer((_, res) => {
      trapped++
      res.end("{}")
    })
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve))
    const redis = admin(server.port)
    try {
      const address = trap.address()
      const trapUrl = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`
      const hostile: Array<Job> = [
        { fields: { bookmaker: trapUrl, extractor_type: "btts", data_source: "upcoming", stream_date: "0" } },
        ...["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta"].flatMap((bookmaker) =>
          [`${trapUrl}/x`, "0/../../control", "../0", "0?market=x", "0#x", "%2e%2e", "//127.0.0.1/x"].map((stream_date) => ({
            fields: { bookmaker, extractor_type: "btts", data_source: "upcoming", stream_date }
          })))
      ]
      const good = upcomingJobs()
      const worker = startWorker("worker", { ...httpEnv(sim), REDIS_URL: server.url, STREAM: btts })
      sim.control.resetStats()
      await feed(redis, btts, [...hostile, ...good])
      await drained(redis, btts, 30_000)
      const v = await verify(redis, {
        stream: btts,
        jobs: [...hostile, ...good],
        mustDie: new Set(hostile.map((j) => j.id!)),
        written: { kind: "some" },
        matchedStreams: [matchedBtts]
      })
      const problems = [...v.problems]
      if (trapped > 0) problems.push(`${trapped} requests reached a URL taken from a job`)
      if (sim.control.get().global !== undefined || sim.control.get().bookmakers !== undefined) problems.push("the simulator's fault settings were changed")
      record(rowOf("S4 no URL from job fields", { ...v, problems }, null, worker.peakRss(),
        `${hostile.length} jobs with URLs, traversals, queries and fragments in bookmaker/stream_date: all dead-lettered, 0 requests to the trap server`))
      expect(problems).toEqual([])
    } finally {
      redis.disconnect()
      await new Promise<void>((resolve) => trap.close(() => resolve()))
      await sim.close()
    }
  })

  it("rediss://: works with the CA configured, refuses an unverifiable certificate without printing the password", async () => {
    expectRow("S3 rediss:// with a verified CA")
    const dir = await mkdtemp(join(tmpdir(), "faults-tls-"))
    dirs.push(dir)
    const password = secret("tls")
    const certs = await makeTestCertificates(dir)
    const server = await startRedisServer({ tls: certs, password })
    servers.push(server)
    const ca = await readFile(certs.caFile)
    const tlsAdmin = new Redis({ host: "127.0.0.1", port: server.port, password, protocol: 2, tls: { ca } })
    try {
      const url = `rediss://:${password}@127.0.0.1:${server.port}`
      const untrusted = startWorker("worker (no CA)", { REDIS_URL: url, STREAM: btts })
      const exit = await within(untrusted.exited, 15_000, "the worker without the CA to exit")
      const problems: Array<string> = []
      if (exit.code === 0) problems.push("the worker without the CA exited 0")
      if (leaks(untrusted, password).length > 0) problems.push("the worker without the CA printed the password")
      if (!/CERT|certificate|SELF_SIGNED/i.test(untrusted.output())) problems.push(`no certificate error:\n${tail(untrusted.output(), 5)}`)

      const worker = startWorker("worker (TLS)", { REDIS_URL: url, REDIS_TLS_CA: certs.caFile, STREAM: btts })
      const jobs = syntheticJobs(200, "tls")
      await feed(tlsAdmin, btts, jobs)
      await drained(tlsAdmin, btts, 30_000)
      const v = await verify(tlsAdmin, { stream: btts, jobs, written: { kind: "synthetic", fixturesPerJob: 5 }, matchedStreams: [matchedBtts], expectMatches: true })
      if (leaks(worker, password).length > 0) problems.push("the TLS worker printed the password")
      const all = { ...v, problems: [...v.problems, ...problems] }
      record(rowOf("S3 rediss:// with a verified CA", all, null, worker.peakRss(), "throwaway CA (openssl); without REDIS_TLS_CA the certificate is refused and the worker exits ≠ 0"))
      expect(all.problems).toEqual([])
    } finally {
      tlsAdmin.disconnect()
    }
  })
})
