// HTTP settings of one bookmaker, read with Config. Every setting has a global variable (BOOKIE_TIMEOUT)
// and a per-bookmaker override (BOOKIE_ALPHA_TIMEOUT); the base URL is per bookmaker only.
import { Config, Duration, Option, Schema } from "effect"
import type { Bookmaker } from "../../domain/Market.ts"

export interface HttpSettings {
  /** Base URL without a trailing slash; request paths are appended to it. */
  readonly baseUrl: string
  /** Longest time for one attempt: connecting, the response head and the whole body. */
  readonly timeout: Duration.Duration
  /** Further attempts after a 408/429/5xx, a transport error or a timeout. */
  readonly retries: number
  /** First backoff delay; doubles with each retry. */
  readonly retryBase: Duration.Duration
  /** A `Retry-After` longer than this fails the request at once instead of waiting. */
  readonly retryAfterMax: Duration.Duration
  /** Requests in flight at once to this bookmaker, over all its markets and jobs. */
  readonly concurrency: number
  /** A response body larger than this is refused (read no further). */
  readonly maxBodyBytes: number
}

/** "BookieAlpha" → "ALPHA", the infix of its variables. */
export const envInfix = (bookmaker: Bookmaker): string => bookmaker.replace(/^Bookie/, "").toUpperCase()

/** Where the simulator (`node dist/main.js simulate`, SIM_PORT 8700) serves each bookmaker by default. */
export const defaultBaseUrl = (bookmaker: Bookmaker): string =>
  `http://127.0.0.1:8700/${envInfix(bookmaker).toLowerCase()}`

const BaseUrl = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^https?:\/\/[^\s?#]+$/, { expected: "an http(s) URL without query or fragment" }))
)
const PositiveInt = Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))
const NonNegativeInt = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

/** `BOOKIE_<BOOK>_<key>` if set, else `BOOKIE_<key>`, else `fallback`. An invalid value is an error either way. */
export const bookmakerSetting = <A>(
  bookmaker: Bookmaker,
  key: string,
  read: (name: string) => Config.Config<A>,
  fallback: A
): Config.Config<A> =>
  Config.option(read(`BOOKIE_${envInfix(bookmaker)}_${key}`)).pipe(
    Config.flatMap(Option.match({
      onSome: (a) => Config.succeed(a),
      onNone: () => read(`BOOKIE_${key}`).pipe(Config.withDefault(fallback))
    }))
  )

export const positiveInt = (name: string) => Config.schema(PositiveInt, name)

export const httpSettings = (bookmaker: Bookmaker): Config.Config<HttpSettings> =>
  Config.all({
    baseUrl: Config.schema(BaseUrl, `BOOKIE_${envInfix(bookmaker)}_URL`).pipe(
      Config.withDefault(defaultBaseUrl(bookmaker)),
      Config.map((url) => url.replace(/\/+$/, ""))
    ),
    timeout: bookmakerSetting(bookmaker, "TIMEOUT", Config.Duration, Duration.seconds(10)),
    retries: bookmakerSetting(bookmaker, "RETRIES", (n) => Config.schema(NonNegativeInt, n), 3),
    retryBase: bookmakerSetting(bookmaker, "RETRY_BASE", Config.Duration, Duration.millis(200)),
    retryAfterMax: bookmakerSetting(bookmaker, "RETRY_AFTER_MAX", Config.Duration, Duration.seconds(30)),
    concurrency: bookmakerSetting(bookmaker, "CONCURRENCY", positiveInt, 4),
    maxBodyBytes: bookmakerSetting(bookmaker, "MAX_BODY_BYTES", positiveInt, 16 * 1024 * 1024)
  })
