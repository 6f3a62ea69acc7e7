// The extractors over real loopback sockets with the undici client (what production runs): a normal
// extraction for every bookmaker, and the faults only a real connection shows — a body that never ends, a
// body that drips, a connection reset — each ending in a typed error and a closed connection.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer } from "effect"
import { createServer, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { layerHttp } from "../../src/bookmakers/registry.ts"
import { simulatedApis } from "../../src/bookmakers/simulatedApis.ts"
import { Job } from "../../src/domain/Job.ts"
import { type Bookmaker, bookmakers } from "../../src/domain/Market.ts"
import { view } from "./support/view.ts"

type Fault = "none" | "endless" | "drip" | "reset"

/** Serves the simulated APIs over the hand-made view (rendered at the real now), or the fault it is told. */
const serve = Effect.acquireRelease(
  Effect.callback<{ readonly url: string; fault: Fault; open: number; readonly close: () => void }>((resume) => {
    const timers = new Set<NodeJS.Timeout>()
    const state = {
      url: "",
      fault: "none" as Fault,
      open: 0,
      close: () => {
        timers.forEach(clearInterval)
        server.closeAllConnections()
        server.close()
      }
    }
    const drip = (res: ServerResponse, chunk: string, declared?: number) => {
      res.writeHead(200, { "content-type": "application/json", ...(declared === undefined ? {} : { "content-length": declared }) })
      const timer = setInterval(() => res.write(chunk), declared === undefined ? 1 : 100)
      timers.add(timer)
      res.on("close", () => (clearInterval(timer), timers.delete(timer)))
    }
    const server = createServer((req, res) => {
      state.open++
      res.on("close", () => state.open--)
      if (state.fault === "reset") return void req.socket.destroy()
      if (state.fault === "endless") return drip(res, " ".repeat(16 * 1024))
      if (state.fault === "drip") return drip(res, " ", 1_000)
      const url = new URL(req.url ?? "/", "http://x")
      const api = simulatedApis.find((a) => url.pathname.startsWith(`${a.prefix}/`))
      const body = api?.handle(view, url.pathname.slice(api.prefix.length), url.searchParams, new Date())
      res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" })
      res.end(JSON.stringify(body ?? { error: "not found" }))
    })
    server.listen(0, "127.0.0.1", () => {
      state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resume(Effect.succeed(state))
    })
  }),
  (s) => Effect.sync(() => s.close())
)

const registryAt = (url: string) =>
  layerHttp.pipe(
    Layer.provide(NodeHttpClient.layerUndici),
    Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnv({
      env: {
        ...Object.fromEntries(bookmakers.map((b) => [`BOOKIE_${b.slice(6).toUpperCase()}_URL`, `${url}/${b.slice(6).toLowerCase()}`])),
        BOOKIE_TIMEOUT: "400 millis",
        BOOKIE_RETRIES: "1",
        BOOKIE_RETRY_BASE: "10 millis",
        BOOKIE_MAX_BODY_BYTES: "65536"
      }
    })))
  )

const extract = (bookmaker: Bookmaker) =>
  Effect.gen(function*() {
    const extractor = yield* (yield* Extractors).get(bookmaker, "three_way")
    return yield* extractor.extract(new Job({ bookmaker, extractor_type: "three_way", data_source: "live", stream_date: "live" }))
  })

describe("over loopback sockets (undici)", () => {
  it.live("extracts from every bookmaker, then turns each fault into a typed error and closes the connection", () =>
    Effect.gen(function*() {
      const server = yield* serve
      yield* Effect.gen(function*() {
        for (const bookmaker of bookmakers) {
          const quotes = yield* extract(bookmaker)
          assert.deepStrictEqual(quotes.map((q) => q.live), [{ minute: 67, homeScore: 2, awayScore: 1 }], bookmaker)
        }
        const expectations: ReadonlyArray<readonly [Fault, string]> = [
          ["endless", "larger than 65536 bytes"],
          ["drip", "no complete response within 400ms"],
          ["reset", "request failed: TransportError"]
        ]
        for (const [fault, reason] of expectations) {
          server.fault = fault
          const error = yield* Effect.flip(extract("BookieAlpha"))
          assert.strictEqual(error._tag, "ExtractorFailed", fault)
          if (error._tag === "ExtractorFailed") assert.include(error.reason, reason, fault)
          // The refused or timed-out response was aborted: the server sees its connection closed (the close
          // event may need a moment on a busy machine, so wait for it up to two seconds).
          for (let i = 0; i < 40 && server.open > 0; i++) yield* Effect.sleep("50 millis")
          assert.strictEqual(server.open, 0, `${fault}: connections left open`)
        }
      }).pipe(Effect.provide(registryAt(server.url)))
    }))
})
