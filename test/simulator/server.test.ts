// The simulator's HTTP shell, in process: routing by prefix, /truth, /control decoded by Schema, and every
// fault knob observable from a client (status, header, cut body, reset, invalid JSON, huge body, hang, drip).
import { request } from "node:http"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { simulatedApis } from "../../src/bookmakers/simulatedApis.ts"
import type { FaultSettings } from "../../src/simulator/Faults.ts"
import { type Simulator, startSimulator } from "../../src/simulator/Server.ts"
import type { SimulatedApi } from "../../src/simulator/SimulatedApi.ts"
import { GroundTruth, groundTruth } from "../../src/simulator/Truth.ts"

/** A minimal API: the number and ids of a bookmaker's upcoming events of a day. */
const tiny = (bookmaker: SimulatedApi["bookmaker"], prefix: string): SimulatedApi => ({
  bookmaker,
  prefix,
  handle: (view, path, query, now) => {
    if (path !== "/events") return undefined
    const events = view.events(bookmaker, "upcoming", Number(query.get("day") ?? 0), now)
    return { count: events.length, ids: events.map((e) => e.eventId) }
  }
})

interface Reply {
  readonly status?: number
  readonly headers?: Record<string, string | Array<string> | undefined>
  readonly body: string
  readonly error?: string // error code, or "aborted" when the body was cut, "timeout" when we gave up
  readonly complete: boolean
}

/** A GET (or POST with a body) that reports what the socket really did. */
const call = (url: string, options: { readonly method?: string; readonly body?: string; readonly giveUpMs?: number } = {}): Promise<Reply> =>
  new Promise((resolve) => {
    let status: number | undefined
    let headers: Reply["headers"]
    let body = ""
    let settled = false
    const finish = (r: Omit<Reply, "status" | "headers" | "body">) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...(status === undefined ? {} : { status }), ...(headers === undefined ? {} : { headers }), body, ...r })
    }
    const req = request(url, { method: options.method ?? "GET", agent: false }, (res) => {
      status = res.statusCode
      headers = res.headers
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => (body += chunk))
      res.on("end", () => finish({ complete: true }))
      res.on("aborted", () => finish({ error: "aborted", complete: false }))
      res.on("error", (e: NodeJS.ErrnoException) => finish({ error: e.code ?? e.message, complete: false }))
    })
    const timer = setTimeout(() => {
      finish({ error: "timeout", complete: false })
      req.destroy()
    }, options.giveUpMs ?? 10_000)
    req.on("error", (e: NodeJS.ErrnoException) => finish({ error: e.code ?? e.message, complete: false }))
    req.end(options.body)
  })

const anchor = new Date("2025-03-01T10:00:00Z")
let sim: Simulator

const control = async (settings: FaultSettings) => {
  const reply = await call(`${sim.url}/control`, { method: "POST", body: JSON.stringify(settings) })
  assert.strictEqual(reply.status, 200, reply.body)
}

beforeAll(async () => {
  sim = await startSimulator({
    world: { seed: "server", anchor, fixtures: 100, live: 4, mispricings: 2 },
    apis: [tiny("BookieAlpha", "/tiny"), tiny("BookieBeta", "/other")],
    clock: () => anchor
  })
})
afterAll(() => sim.close())

describe("simulator server", () => {
  it("routes by prefix, answers 404 and 405, and serves health", async () => {
    await control({})
    const ok = await call(`${sim.url}/tiny/events?day=1`)
    assert.strictEqual(ok.status, 200)
    const body = JSON.parse(ok.body) as { count: number; ids: Array<string> }
    assert.isAbove(body.count, 10)
    assert.strictEqual(body.ids.length, body.count)
    assert.strictEqual((await call(`${sim.url}/tiny/nothing`)).status, 404)
    assert.strictEqual((await call(`${sim.url}/elsewhere`)).status, 404)
    assert.strictEqual((await call(`${sim.url}/tiny/events`, { method: "POST", body: "{}" })).status, 405)
    assert.strictEqual(JSON.parse((await call(`${sim.url}/health`)).body).seed, "server")
  })

  it("serves the ground truth, decodable and equal to the pure function's", async () => {
    const reply = await call(`${sim.url}/truth`)
    const truth = Schema.decodeUnknownSync(Schema.fromJsonString(GroundTruth))(reply.body)
    assert.deepStrictEqual(truth, JSON.parse(JSON.stringify(groundTruth(sim.world))))
    assert.strictEqual(truth.mispricings.length, 2)
    assert.strictEqual(truth.fixtures.length, 104)
  })

  it("decodes /control with Schema and keeps the old settings on a bad body", async () => {
    await control({ global: { latencyMs: 1 } })
    const bad = await call(`${sim.url}/control`, { method: "POST", body: JSON.stringify({ global: { error: 2 } }) })
    assert.strictEqual(bad.status, 400)
    assert.include(bad.body, "error")
    assert.strictEqual((await call(`${sim.url}/control`, { method: "POST", body: "not json" })).status, 400)
    assert.deepStrictEqual(JSON.parse((await call(`${sim.url}/control`)).body), { global: { latencyMs: 1 } })
    assert.deepStrictEqual(sim.control.get(), { global: { latencyMs: 1 } })
  })

  it("answers 500 on error and 429 with Retry-After on rate limit, per bookmaker over global", async () => {
    await control({ global: { error: 1 }, bookmakers: { BookieBeta: { error: 0, rateLimit: 1, retryAfterSeconds: 7 } } })
    const failed = await call(`${sim.url}/tiny/events`)
    assert.strictEqual(failed.status, 500)
    const limited = await call(`${sim.url}/other/events`)
    assert.strictEqual(limited.status, 429)
    assert.strictEqual(limited.headers?.["retry-after"], "7")
    assert.strictEqual((await call(`${sim.url}/truth`)).status, 200, "faults touch bookmaker routes only")
  })

  it("cuts a body short after announcing its full length", async () => {
    await control({ global: { truncate: 1 } })
    const reply = await call(`${sim.url}/tiny/events`)
    assert.strictEqual(reply.status, 200)
    assert.isFalse(reply.complete)
    assert.isBelow(reply.body.length, Number(reply.headers?.["content-length"]))
  })

  it("resets the connection", async () => {
    await control({ global: { reset: 1 } })
    const reply = await call(`${sim.url}/tiny/events`)
    assert.isUndefined(reply.status)
    assert.strictEqual(reply.error, "ECONNRESET")
  })

  it("sends complete bodies that are not JSON", async () => {
    await control({ global: { malformed: 1 } })
    const reply = await call(`${sim.url}/tiny/events`)
    assert.strictEqual(reply.status, 200)
    assert.isTrue(reply.complete)
    assert.throws(() => JSON.parse(reply.body))
  })

  it("sends huge but valid JSON bodies, chunked", async () => {
    await control({ global: {} })
    const normal = await call(`${sim.url}/tiny/events`)
    await control({ global: { huge: 1, hugeBytes: 3_000_000 } })
    const reply = await call(`${sim.url}/tiny/events`)
    assert.strictEqual(reply.status, 200)
    assert.isUndefined(reply.headers?.["content-length"])
    assert.isAtLeast(reply.body.length, 3_000_000)
    assert.deepStrictEqual(JSON.parse(reply.body), JSON.parse(normal.body))
  })

  it("hangs without answering, counted in flight, until the client gives up", async () => {
    await control({ global: { hang: 1 } })
    sim.control.resetStats()
    const replies = Promise.all([call(`${sim.url}/tiny/events`, { giveUpMs: 400 }), call(`${sim.url}/tiny/events`, { giveUpMs: 400 })])
    await new Promise((r) => setTimeout(r, 150))
    assert.strictEqual(sim.control.stats().BookieAlpha.inFlight, 2)
    for (const reply of await replies) {
      assert.isUndefined(reply.status)
      assert.strictEqual(reply.error, "timeout")
    }
    await new Promise((r) => setTimeout(r, 50))
    const stats = sim.control.stats().BookieAlpha
    assert.strictEqual(stats.inFlight, 0)
    assert.strictEqual(stats.maxInFlight, 2)
    assert.strictEqual(stats.faults.hang, 2)
  })

  it("drips the body a byte at a time", async () => {
    await control({ global: { drip: 1, dripIntervalMs: 200 } })
    const reply = await call(`${sim.url}/tiny/events`, { giveUpMs: 500 })
    assert.strictEqual(reply.status, 200)
    assert.isFalse(reply.complete)
    assert.isAtLeast(reply.body.length, 1)
    assert.isAtMost(reply.body.length, 4)
    assert.isAbove(Number(reply.headers?.["content-length"]), 10)
  })

  it("delays answers by the configured latency", async () => {
    await control({ global: { latencyMs: 250 } })
    const started = performance.now()
    const reply = await call(`${sim.url}/tiny/events`)
    assert.strictEqual(reply.status, 200)
    assert.isAtLeast(performance.now() - started, 240) // a lower bound only: never flaky on a slow machine
  })

  it("draws faults from the seed: the same settings give the same sequence", async () => {
    const statuses = async (s: Simulator) => {
      const out: Array<number | undefined> = []
      for (let i = 0; i < 24; i++) out.push((await call(`${s.url}/tiny/events`)).status)
      return out
    }
    const settings: FaultSettings = { global: { error: 0.3, rateLimit: 0.3 } }
    const twin = await startSimulator({ world: { seed: "server", anchor, fixtures: 100, live: 4, mispricings: 2 }, apis: [tiny("BookieAlpha", "/tiny")], clock: () => anchor, faults: settings })
    const other = await startSimulator({ world: { seed: "other", anchor, fixtures: 100, live: 4, mispricings: 2 }, apis: [tiny("BookieAlpha", "/tiny")], clock: () => anchor, faults: settings })
    try {
      const first = await statuses(twin)
      const again = await startSimulator({ world: { seed: "server", anchor, fixtures: 100, live: 4, mispricings: 2 }, apis: [tiny("BookieAlpha", "/tiny")], clock: () => anchor, faults: settings })
      try {
        assert.deepStrictEqual(await statuses(again), first)
      } finally {
        await again.close()
      }
      assert.includeMembers(first, [200, 500, 429])
      assert.notDeepEqual(await statuses(other), first)
    } finally {
      await twin.close()
      await other.close()
    }
  })

  it("closes while requests hang", async () => {
    const s = await startSimulator({ world: { seed: "close", anchor, fixtures: 20, live: 0, mispricings: 0 }, apis: [tiny("BookieAlpha", "/tiny")], faults: { global: { hang: 1 } } })
    const pending = call(`${s.url}/tiny/events`)
    await new Promise((r) => setTimeout(r, 100))
    await s.close()
    const reply = await pending
    assert.isFalse(reply.complete)
    assert.notStrictEqual(reply.error, "timeout")
  })

  it("mounts the four bookmakers' APIs by default", async () => {
    const s = await startSimulator({ world: { seed: "mount", anchor, fixtures: 20, live: 0, mispricings: 0 }, clock: () => anchor })
    try {
      for (const api of simulatedApis) {
        const reply = await call(`${s.url}${api.prefix}/no-such-path`)
        assert.strictEqual(reply.status, 404)
        assert.notInclude(reply.body, "prefixes", `${api.prefix} is routed to its API`)
        assert.isAbove(s.control.stats()[api.bookmaker].requests, 0)
      }
    } finally {
      await s.close()
    }
  })
})
