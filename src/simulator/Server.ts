// The simulator's HTTP shell: serves every bookmaker's simulated API under its prefix from one world, plus
// GET /truth (ground truth), GET/POST /control (fault knobs) and GET /stats (requests, concurrency, faults
// fired). Plain node:http, because faults need control below HTTP: resets, half-written bodies, drips.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { Effect, Schema } from "effect"
import { simulatedApis } from "../bookmakers/simulatedApis.ts"
import { type Bookmaker, bookmakers } from "../domain/Market.ts"
import { type FaultKind, faultKinds, type FaultPlan, type FaultSettings, FaultSettingsJson, knobsFor, malform, planFault } from "./Faults.ts"
import { bookView } from "./SimBookView.ts"
import type { SimulatedApi } from "./SimulatedApi.ts"
import { defaultWorldOptions, generateWorld, type World, type WorldOptions } from "./SimWorld.ts"
import { groundTruth } from "./Truth.ts"

export interface SimulatorOptions {
  readonly host?: string // default 127.0.0.1
  readonly port?: number // default 0: an ephemeral port
  /** Anchor defaults to the clock's current minute. */
  readonly world?: Partial<WorldOptions>
  readonly faults?: FaultSettings
  readonly apis?: ReadonlyArray<SimulatedApi> // default: the four bookmakers
  /** The "now" the APIs render; default: the wall clock, or, with a pinned anchor, time running from the anchor. */
  readonly clock?: () => Date
}

export interface BookmakerStats {
  requests: number
  inFlight: number
  maxInFlight: number
  faults: Record<FaultKind, number>
}

export interface SimulatorControl {
  readonly get: () => FaultSettings
  readonly set: (settings: FaultSettings) => void
  readonly stats: () => { readonly [B in Bookmaker]: BookmakerStats }
  readonly resetStats: () => void
}

export interface Simulator {
  readonly url: string // http://host:port, no trailing slash
  readonly port: number
  readonly world: World
  readonly control: SimulatorControl
  readonly close: () => Promise<void>
}

const maxControlBytes = 64 * 1024
const chunkBytes = 64 * 1024

const sendJson = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers })
  res.end(body)
}

const freshStats = (): BookmakerStats => ({
  requests: 0, inFlight: 0, maxInFlight: 0, faults: Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>
})

const readBody = (req: IncomingMessage, limit: number): Promise<string | undefined> =>
  new Promise((resolve) => {
    const chunks: Array<Buffer> = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolve(undefined)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", () => resolve(undefined))
  })

export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  // A pinned anchor without a clock: simulated time starts at the anchor and runs at wall-clock speed.
  const startedAt = Date.now()
  const pinned = options.world?.anchor
  const clock = options.clock ?? (pinned === undefined ? () => new Date() : () => new Date(pinned.getTime() + Date.now() - startedAt))
  const anchor = new Date(Math.floor(clock().getTime() / 60_000) * 60_000)
  const world = generateWorld({ ...defaultWorldOptions, anchor, ...options.world })
  const view = bookView(world)
  const apis = options.apis ?? simulatedApis
  const seed = world.options.seed
  let settings: FaultSettings = options.faults ?? {}
  let stats = Object.fromEntries(bookmakers.map((b) => [b, freshStats()])) as { [B in Bookmaker]: BookmakerStats }
  const sequence = Object.fromEntries(bookmakers.map((b) => [b, 0])) as { [B in Bookmaker]: number }
  let truthJson: string | undefined
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()

  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      f()
    }, ms)
    timers.add(t)
    return t
  }

  /** Writes the response the plan asks for; `render` gives the JSON body (undefined: unknown path). */
  const deliver = (res: ServerResponse, plan: FaultPlan, knobs: ReturnType<typeof knobsFor>, render: () => string | undefined) => {
    switch (plan.fault) {
      case "hang":
        return // the response is never written; close() destroys the socket
      case "reset":
        return res.socket?.resetAndDestroy()
      case "error":
        return sendJson(res, 500, JSON.stringify({ error: "internal server error (simulated)" }))
      case "rateLimit":
        return sendJson(res, 429, JSON.stringify({ error: "too many requests (simulated)" }), { "retry-after": String(knobs.retryAfterSeconds) })
    }
    const text = render()
    if (text === undefined) return sendJson(res, 404, JSON.stringify({ error: "not found" }))
    switch (plan.fault) {
      case undefined:
        return sendJson(res, 200, text)
      case "malformed":
        return sendJson(res, 200, malform(text))
      case "truncate": {
        const body = Buffer.from(text)
        res.writeHead(200, { "content-type": "application/json", "content-length": body.length })
        return res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
      }
      case "huge": {
        res.writeHead(200, { "content-type": "application/json" }) // chunked: the size is only known by counting
        res.write(text)
        let left = knobs.hugeBytes
        const pad = Buffer.alloc(chunkBytes, " ")
        const pump = (): void => {
          while (left > 0 && !res.destroyed) {
            const n = Math.min(left, chunkBytes)
            left -= n
            if (!res.write(n === chunkBytes ? pad : pad.subarray(0, n))) {
              res.once("drain", pump)
              return
            }
          }
          if (!res.destroyed) res.end()
        }
        return pump()
      }
      case "drip": {
        const body = Buffer.from(text)
        res.writeHead(200, { "content-type": "application/json", "content-length": body.length })
        let at = 0
        const step = (): void => {
          if (res.destroyed) return
          res.write(body.subarray(at, at + 1))
          at++
          if (at < body.length) later(knobs.dripIntervalMs, step)
          else res.end()
        }
        return step()
      }
    }
  }

  const serveApi = (api: SimulatedApi, req: IncomingMessage, res: ServerResponse, url: URL) => {
    const bookmaker = api.bookmaker
    const s = stats[bookmaker]
    s.requests++
    s.inFlight++
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight)
    // Stats may be reset while a request is open: count it down against the current ones.
    res.once("close", () => stats[bookmaker].inFlight--)
    const knobs = knobsFor(settings, bookmaker)
    const plan = planFault(knobs, seed, bookmaker, sequence[bookmaker]++)
    if (plan.fault !== undefined) s.faults[plan.fault]++
    const path = url.pathname.slice(api.prefix.length) || "/"
    const render = () => {
      const body = api.handle(view, path, url.searchParams, clock())
      return body === undefined ? undefined : JSON.stringify(body)
    }
    const respond = () => {
      if (res.destroyed) return
      if (req.method !== "GET") return sendJson(res, 405, JSON.stringify({ error: "method not allowed" }))
      deliver(res, plan, knobs, render)
    }
    if (plan.delayMs > 0) later(plan.delayMs, respond)
    else respond()
  }

  const serveControl = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET") return sendJson(res, 200, JSON.stringify(settings))
    if (req.method !== "POST") return sendJson(res, 405, JSON.stringify({ error: "method not allowed" }))
    const text = await readBody(req, maxControlBytes)
    if (text === undefined) return sendJson(res, 413, JSON.stringify({ error: "body too large" }))
    const decoded = Schema.decodeUnknownResult(FaultSettingsJson)(text)
    if (decoded._tag === "Failure") return sendJson(res, 400, JSON.stringify({ error: decoded.failure.message }))
    settings = decoded.success
    return sendJson(res, 200, JSON.stringify(settings))
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator")
    const api = apis.find((a) => url.pathname === a.prefix || url.pathname.startsWith(`${a.prefix}/`))
    if (api !== undefined) return serveApi(api, req, res, url)
    switch (url.pathname) {
      case "/health":
        return sendJson(res, 200, JSON.stringify({ ok: true, seed, anchor: world.options.anchor.toISOString() }))
      case "/truth":
        truthJson ??= JSON.stringify(groundTruth(world))
        return sendJson(res, 200, truthJson)
      case "/stats":
        return sendJson(res, 200, JSON.stringify(stats))
      case "/control":
        return void serveControl(req, res)
      default:
        return sendJson(res, 404, JSON.stringify({ error: "not found", prefixes: apis.map((a) => a.prefix) }))
    }
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host ?? "127.0.0.1"

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    world,
    control: {
      get: () => settings,
      set: (next) => {
        settings = next
      },
      stats: () => stats,
      resetStats: () => {
        stats = Object.fromEntries(bookmakers.map((b) => [b, { ...freshStats(), inFlight: stats[b].inFlight }])) as typeof stats
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        timers.clear()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy() // hung and dripping responses included
      })
  }
}

export class SimulatorStartFailed extends Schema.TaggedError<SimulatorStartFailed>()("SimulatorStartFailed", {
  reason: Schema.String
}) {}

/** startSimulator as a scoped resource: the server closes when the scope does. */
export const simulatorResource = (options: SimulatorOptions = {}) =>
  Effect.acquireRelease(
    Effect.tryPromise({ try: () => startSimulator(options), catch: (e) => new SimulatorStartFailed({ reason: String(e) }) }),
    (sim) => Effect.promise(() => sim.close())
  )
