// The HTTP client every extractor fetches through: base URL from config, one overall timeout per attempt
// (head and whole body), retries with exponential backoff on 408/429/5xx/transport errors/timeouts that
// honour Retry-After, a cap on requests in flight per bookmaker, a cap on the body size (the body is
// streamed and reading stops past the cap), and a Schema decode of every body.
import { Clock, Data, Duration, Effect, Result, Schedule, Schema, Semaphore, Stream } from "effect"
import { Headers, HttpClient, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { ExtractorFailed, PayloadInvalid } from "../../domain/errors.ts"
import type { Bookmaker } from "../../domain/Market.ts"
import { describeIssue } from "../payload.ts"
import type { HttpSettings } from "./settings.ts"

export interface GetRequest {
  /** Path segments after the base URL; each is percent-encoded, so an id can never add a segment. */
  readonly path: ReadonlyArray<string>
  readonly query?: Readonly<Record<string, string>>
}

/** What a request is for, named in its errors. */
export interface RequestContext {
  readonly market: string
  readonly period: string
}

export interface BookieHttp {
  readonly bookmaker: Bookmaker
  readonly getJson: <A>(
    request: GetRequest,
    schema: Schema.ConstraintDecoder<A>,
    ctx: RequestContext
  ) => Effect.Effect<A, PayloadInvalid | ExtractorFailed>
}

/** One failed attempt; `retryable` decides whether another follows. */
class AttemptFailed extends Data.TaggedError("AttemptFailed")<{
  readonly reason: string
  readonly retryable: boolean
  readonly retryAfter?: Duration.Duration | undefined
}> {}

const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500

/** The delay a `Retry-After` header asks for (seconds or an HTTP date), from `nowMillis`. */
export const retryAfterDelay = (header: string | undefined, nowMillis: number): Duration.Duration | undefined => {
  if (header === undefined) return undefined
  const parsed = Headers.parseRetryAfter(header)
  if (Result.isFailure(parsed)) return undefined
  const value = parsed.success
  return value._tag === "Duration"
    ? value.duration
    : Duration.millis(Math.max(0, value.dateTime.epochMilliseconds - nowMillis))
}

const encodedPath = (request: GetRequest): string => request.path.map(encodeURIComponent).join("/")

/** The request as logged: path and query after the base URL (which may hold credentials), never the host. */
const describe = (request: GetRequest): string => {
  const query = new URLSearchParams(request.query ?? {}).toString()
  return `/${encodedPath(request)}${query === "" ? "" : `?${query}`}`
}

const readCapped = (response: HttpClientResponse.HttpClientResponse, maxBytes: number) =>
  Effect.gen(function*() {
    // Made only when needed: an error captures a stack trace, too dear for every response.
    const tooLarge = () => new AttemptFailed({ reason: `response body larger than ${maxBytes} bytes refused`, retryable: false })
    const declared = Number(response.headers["content-length"])
    if (Number.isFinite(declared) && declared > maxBytes) return yield* tooLarge()
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* response.stream.pipe(
      Stream.mapError((e) => new AttemptFailed({ reason: `body read failed: ${e.reason._tag}`, retryable: true })),
      Stream.runForEach((chunk) => {
        size += chunk.byteLength
        if (size > maxBytes) return Effect.fail(tooLarge())
        chunks.push(chunk)
        return Effect.void
      })
    )
    return Buffer.concat(chunks, size).toString("utf8")
  })

export const makeBookieHttp = Effect.fnUntraced(function*(bookmaker: Bookmaker, settings: HttpSettings) {
  // withScope: closing an attempt's scope aborts its request, so a refused or timed-out body stops flowing.
  const client = HttpClient.withScope(yield* HttpClient.HttpClient)
  const permits = yield* Semaphore.make(settings.concurrency)

  const attempt = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.scoped(Effect.gen(function*() {
      const response = yield* client.execute(request).pipe(
        Effect.mapError((e) =>
          new AttemptFailed({ reason: `request failed: ${e.reason._tag}`, retryable: e.reason._tag === "TransportError" })
        )
      )
      if (response.status < 200 || response.status >= 300) {
        const now = yield* Clock.currentTimeMillis
        return yield* new AttemptFailed({
          reason: `HTTP ${response.status}`,
          retryable: isRetryableStatus(response.status),
          retryAfter: retryAfterDelay(response.headers["retry-after"], now)
        })
      }
      return yield* readCapped(response, settings.maxBodyBytes)
    })).pipe(
      Effect.timeoutOrElse({
        duration: settings.timeout,
        orElse: () =>
          Effect.fail(
            new AttemptFailed({ reason: `no complete response within ${Duration.format(settings.timeout)}`, retryable: true })
          )
      }),
      // The permit covers one attempt, not the backoff after it.
      permits.withPermits(1)
    )

  const backoff = Schedule.exponential(settings.retryBase).pipe(
    Schedule.setInputType<AttemptFailed>(),
    Schedule.modifyDelay(({ duration, input }) =>
      Effect.succeed(input.retryAfter === undefined ? duration : Duration.max(duration, input.retryAfter))
    )
  )
  const worthRetrying = (e: AttemptFailed) =>
    e.retryable && (e.retryAfter === undefined || Duration.isLessThanOrEqualTo(e.retryAfter, settings.retryAfterMax))

  const fetchText = (request: GetRequest) =>
    attempt(
      HttpClientRequest.get(`${settings.baseUrl}/${encodedPath(request)}`, {
        urlParams: request.query ?? {},
        acceptJson: true
      })
    ).pipe(Effect.retry({ schedule: backoff, times: settings.retries, while: worthRetrying }))

  const getJson = Effect.fn("BookieHttp.getJson")(function*<A>(
    request: GetRequest,
    schema: Schema.ConstraintDecoder<A>,
    ctx: RequestContext
  ) {
    yield* Effect.annotateCurrentSpan({ bookmaker, request: describe(request) })
    // Percent-encoding keeps an id within its segment, but URL parsing still resolves "." and "..".
    if (request.path.some((s) => s === "" || s === "." || s === "..")) {
      return yield* new ExtractorFailed({ bookmaker, market: ctx.market, reason: `unsafe path ${describe(request)}` })
    }
    const text = yield* fetchText(request).pipe(
      Effect.mapError((e) =>
        new ExtractorFailed({
          bookmaker,
          market: ctx.market,
          reason: `GET ${describe(request)}: ${e.reason}${
            e.retryAfter !== undefined && !worthRetrying(e) ? ` (Retry-After ${Duration.format(e.retryAfter)})` : ""
          }`
        })
      )
    )
    const invalid = (issue: { readonly path: string; readonly message: string }) =>
      new PayloadInvalid({ bookmaker, market: ctx.market, period: ctx.period, ...issue })
    const json = Result.try(() => JSON.parse(text) as unknown)
    if (Result.isFailure(json)) return yield* invalid({ path: "$", message: `not JSON: ${String(json.failure)}` })
    const decoded = Schema.decodeUnknownResult(schema)(json.success)
    if (Result.isFailure(decoded)) return yield* invalid(describeIssue(decoded.failure.issue))
    return decoded.success
  })

  return { bookmaker, getJson } satisfies BookieHttp
})
