// The shared bookmaker HTTP client against fake HttpClients: retries and backoff on the TestClock,
// Retry-After, timeouts (head and body), body size cap, concurrency cap, URL building and body decoding.
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Schema } from "effect"
import { HttpClient, HttpClientError, type HttpClientRequest, HttpClientResponse } from "effect/http"
import { TestClock } from "effect/testing"
import type { UnderlyingSource } from "node:stream/web"
import { type GetRequest, makeBookieHttp, retryAfterDelay } from "../../src/bookmakers/http/BookieHttp.ts"
import type { HttpSettings } from "../../src/bookmakers/http/settings.ts"
import { json } from "./support/clients.ts"

const settings: HttpSettings = {
  baseUrl: "http://book.test/api",
  timeout: Duration.seconds(5),
  retries: 3,
  retryBase: Duration.millis(100),
  retryAfterMax: Duration.seconds(30),
  concurrency: 2,
  maxBodyBytes: 1024
}

const Body = Schema.Struct({ items: Schema.Array(Schema.Struct({ price: Schema.Number })) })
const ok = { items: [{ price: 2.5 }] }
const ctx = { market: "btts", period: "24H" }
const things: GetRequest = { path: ["things"], query: { x: "1" } }

type Handler = (request: HttpClientRequest.HttpClientRequest, url: URL) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>

const getWith = (handler: Handler, over: Partial<HttpSettings> = {}, request: GetRequest = things) =>
  Effect.flatMap(makeBookieHttp("BookieAlpha", { ...settings, ...over }), (http) => http.getJson(request, Body, ctx)).pipe(
    Effect.provideService(HttpClient.HttpClient, HttpClient.make(handler))
  )

/** Answers the i-th request with the i-th status (the last one repeats); records URLs. */
const statuses = (codes: ReadonlyArray<number>, seen: Array<string>, headers: Record<string, string> = {}): Handler => (request, url) =>
  Effect.sync(() => {
    seen.push(url.toString())
    const status = codes[Math.min(seen.length - 1, codes.length - 1)]!
    return status === 200 ? json(request, ok) : json(request, { error: "nope" }, status, headers)
  })

const transportError = (request: HttpClientRequest.HttpClientRequest) =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request }) })

const streamed = (request: HttpClientRequest.HttpClientRequest, source: UnderlyingSource<Uint8Array>) =>
  HttpClientResponse.fromWeb(request, new Response(new ReadableStream(source), { status: 200 }))

describe("BookieHttp", () => {
  it.effect("retries 5xx with backoff, then decodes the success", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(getWith(statuses([503, 500, 200], seen)))
      yield* TestClock.adjust("100 millis") // first backoff
      assert.strictEqual(seen.length, 2)
      yield* TestClock.adjust("199 millis") // the second backoff is 200 ms: not yet
      assert.strictEqual(seen.length, 2)
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* Fiber.join(fiber), ok)
      assert.strictEqual(seen.length, 3)
    })
  })

  it.effect("retries a transport error", () => {
    let calls = 0
    return Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(getWith((request) =>
        ++calls === 1 ? Effect.fail(transportError(request)) : Effect.succeed(json(request, ok))
      ))
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(yield* Fiber.join(fiber), ok)
      assert.strictEqual(calls, 2)
    })
  })

  it.effect("gives up after BOOKIE_RETRIES with ExtractorFailed naming the request, not the host", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(Effect.flip(getWith(statuses([502], seen))))
      yield* TestClock.adjust("10 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ExtractorFailed")
      assert.strictEqual(seen.length, 4)
      if (error._tag === "ExtractorFailed") {
        assert.strictEqual(error.bookmaker, "BookieAlpha")
        assert.strictEqual(error.market, "btts")
        assert.strictEqual(error.reason, "GET /things?x=1: HTTP 502")
      }
    })
  })

  it.effect("does not retry a 404", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      const error = yield* Effect.flip(getWith(statuses([404], seen)))
      assert.strictEqual(error._tag, "ExtractorFailed")
      assert.strictEqual(seen.length, 1)
    })
  })

  it.effect("waits as long as a 429's Retry-After asks, longer than the backoff", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(getWith(statuses([429, 200], seen, { "retry-after": "5" })))
      yield* TestClock.adjust("4900 millis")
      assert.strictEqual(seen.length, 1)
      yield* TestClock.adjust("100 millis")
      assert.deepStrictEqual(yield* Fiber.join(fiber), ok)
      assert.strictEqual(seen.length, 2)
    })
  })

  it.effect("fails at once when Retry-After is beyond BOOKIE_RETRY_AFTER_MAX", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      const error = yield* Effect.flip(getWith(statuses([429], seen, { "retry-after": "3600" })))
      assert.strictEqual(seen.length, 1)
      assert.strictEqual(error._tag, "ExtractorFailed")
      if (error._tag === "ExtractorFailed") assert.include(error.reason, "HTTP 429 (Retry-After 1h)")
    })
  })

  it("reads Retry-After as seconds or as an HTTP date", () => {
    assert.deepStrictEqual(retryAfterDelay("7", 0), Duration.seconds(7))
    assert.deepStrictEqual(retryAfterDelay(new Date(12_000).toUTCString(), 2_000), Duration.millis(10_000))
    assert.deepStrictEqual(retryAfterDelay(new Date(1_000).toUTCString(), 2_000), Duration.millis(0))
    assert.isUndefined(retryAfterDelay("soon", 0))
    assert.isUndefined(retryAfterDelay(undefined, 0))
  })

  it.effect("times out a request that never answers", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(Effect.flip(getWith(() => Effect.never, { retries: 0 })))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ExtractorFailed")
      if (error._tag === "ExtractorFailed") assert.include(error.reason, "no complete response within 5s")
    }))

  it.effect("times out a body that stops flowing (the timeout covers the whole body)", () =>
    Effect.gen(function*() {
      let sent = false
      const stalled: Handler = (request) =>
        Effect.succeed(streamed(request, {
          pull: (controller) => {
            if (sent) return new Promise<void>(() => {})
            sent = true
            controller.enqueue(new TextEncoder().encode("{\"items\":["))
          }
        }))
      const fiber = yield* Effect.forkChild(Effect.flip(getWith(stalled, { retries: 0 })))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ExtractorFailed")
    }))

  it.effect("refuses a body whose Content-Length is over the cap without reading it", () =>
    Effect.gen(function*() {
      let pulled = 0
      const declared: Handler = (request) =>
        Effect.succeed(HttpClientResponse.fromWeb(
          request,
          // highWaterMark 0: nothing is pulled until someone reads.
          new Response(new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(8))) }, { highWaterMark: 0 }), {
            status: 200,
            headers: { "content-length": "5000" }
          })
        ))
      const error = yield* Effect.flip(getWith(declared))
      assert.strictEqual(error._tag, "ExtractorFailed")
      if (error._tag === "ExtractorFailed") assert.include(error.reason, "larger than 1024 bytes")
      assert.strictEqual(pulled, 0)
    }))

  it.effect("stops reading an endless body past the cap, without retrying", () =>
    Effect.gen(function*() {
      let pulled = 0
      let requests = 0
      const endless: Handler = (request) =>
        Effect.sync(() => {
          requests++
          return streamed(request, { pull: (controller) => void (pulled++, controller.enqueue(new Uint8Array(256))) })
        })
      const error = yield* Effect.flip(getWith(endless))
      assert.strictEqual(error._tag, "ExtractorFailed")
      assert.strictEqual(requests, 1)
      assert.isAtMost(pulled, 10) // 1024 bytes cap / 256-byte chunks, plus what the reader buffers ahead
    }))

  it.effect("keeps at most BOOKIE_CONCURRENCY requests in flight", () =>
    Effect.gen(function*() {
      let inFlight = 0
      let peak = 0
      const slow: Handler = (request) =>
        Effect.gen(function*() {
          peak = Math.max(peak, ++inFlight)
          yield* Effect.sleep("10 millis")
          inFlight--
          return json(request, ok)
        })
      const fiber = yield* Effect.forkChild(
        Effect.flatMap(makeBookieHttp("BookieAlpha", settings), (http) =>
          Effect.forEach(Array.from({ length: 8 }, () => things), (r) => http.getJson(r, Body, ctx), { concurrency: "unbounded" })
        ).pipe(Effect.provideService(HttpClient.HttpClient, HttpClient.make(slow)))
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).length, 8)
      assert.strictEqual(peak, 2)
    }))

  it.effect("appends percent-encoded segments and the query to the base URL; refuses dot segments", () => {
    const seen: Array<string> = []
    return Effect.gen(function*() {
      yield* getWith(statuses([200], seen), {}, { path: ["v1", "a b", "x/y", "ü"], query: { ids: "a,b", q: "1&2" } })
      assert.deepStrictEqual(seen, ["http://book.test/api/v1/a%20b/x%2Fy/%C3%BC?ids=a%2Cb&q=1%262"])
      const error = yield* Effect.flip(getWith(statuses([200], seen), {}, { path: ["v1", ".."] }))
      assert.strictEqual(error._tag, "ExtractorFailed")
      assert.strictEqual(seen.length, 1)
    })
  })

  it.effect("a body that does not decode is PayloadInvalid with bookmaker, market, period and path", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(getWith((request) => Effect.succeed(json(request, { items: [{ price: 2 }, { price: "2" }] }))))
      assert.deepInclude(error, {
        _tag: "PayloadInvalid",
        bookmaker: "BookieAlpha",
        market: "btts",
        period: "24H",
        path: "$.items[1].price"
      })
      const truncated = yield* Effect.flip(getWith((request) =>
        Effect.succeed(HttpClientResponse.fromWeb(request, new Response("{\"items\":[{\"pri", { status: 200 })))
      ))
      assert.deepInclude(truncated, { _tag: "PayloadInvalid", path: "$" })
      if (truncated._tag === "PayloadInvalid") assert.include(truncated.message, "not JSON")
    }))
})
