// Where Redis is and how long to wait for it, from the environment. The URL may hold a password: it is
// kept Redacted, and neither its parse errors nor anything logged repeats it.
import { Config, ConfigProvider, Context, Duration, Layer, Redacted, Result, Schema } from "effect"

/** What ioredis needs to connect, taken apart from a `redis://` or `rediss://` URL. */
export interface RedisTarget {
  readonly host: string
  readonly port: number
  readonly username: string | undefined
  readonly password: string | undefined
  readonly db: number
  readonly tls: boolean
}

/** Parses `redis[s]://[user[:password]@]host[:port][/db]`; the failure message never contains the URL. */
export const parseRedisUrl = (url: string): Result.Result<RedisTarget, string> => {
  if (!URL.canParse(url)) return Result.fail("not a URL (expected redis://[user:password@]host[:port][/db])")
  const u = new URL(url)
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") return Result.fail("scheme must be redis:// or rediss://")
  if (u.hostname === "") return Result.fail("host is missing")
  if (u.search !== "" || u.hash !== "") return Result.fail("query and fragment are not supported")
  const db = u.pathname === "" || u.pathname === "/" ? "0" : u.pathname.slice(1)
  if (!/^\d{1,2}$/.test(db)) return Result.fail("path must be a database number, e.g. /0")
  const decode = (part: string) => (part === "" ? undefined : decodeURIComponent(part))
  return Result.succeed({
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"), // IPv6 literals come bracketed
    port: u.port === "" ? 6379 : Number(u.port),
    username: decode(u.username),
    password: decode(u.password),
    db: Number(db),
    tls: u.protocol === "rediss:"
  })
}

const RedisUrl = Schema.String.check(
  Schema.makeFilter((url: string) => Result.match(parseRedisUrl(url), { onSuccess: () => undefined, onFailure: (e) => e }))
)

export const defaultRedisUrl = "redis://127.0.0.1:6379"

const redisConfig = Config.all({
  /** REDIS_URL: `redis://` or `rediss://` (TLS, certificate verified), user and password allowed. */
  url: Config.schema(Schema.Redacted(RedisUrl), "REDIS_URL").pipe(Config.withDefault(Redacted.make(defaultRedisUrl))),
  /** REDIS_TLS_CA: PEM file of the CA that signed the server's certificate (rediss:// only); system CAs when unset. */
  tlsCaFile: Config.option(Config.String("REDIS_TLS_CA")),
  /** REDIS_COMMAND_TIMEOUT: longest wait for a reply on the command connection. */
  commandTimeout: Config.Duration("REDIS_COMMAND_TIMEOUT").pipe(Config.withDefault(Duration.seconds(5))),
  /** REDIS_CONNECT_TIMEOUT: longest wait for a connection (TCP, TLS, AUTH) at start and on reconnects. */
  connectTimeout: Config.Duration("REDIS_CONNECT_TIMEOUT").pipe(Config.withDefault(Duration.seconds(10))),
  /** REDIS_READ_MARGIN: a blocking read that has not answered after BLOCK + this is given up and its connection recycled. */
  readMargin: Config.Duration("REDIS_READ_MARGIN").pipe(Config.withDefault(Duration.seconds(5))),
  /** REDIS_CLOSE_TIMEOUT: longest wait for QUIT at shutdown before the connection is dropped. */
  closeTimeout: Config.Duration("REDIS_CLOSE_TIMEOUT").pipe(Config.withDefault(Duration.seconds(2)))
})

export class RedisConfig extends Context.Service<RedisConfig, Config.Success<typeof redisConfig>>()("bookies/RedisConfig") {
  static readonly config = redisConfig
  /** From the environment (fails with a ConfigError naming the variable). */
  static readonly layer = Layer.effect(RedisConfig, redisConfig)
  /** From explicit variables, e.g. `{ REDIS_URL: server.url }` in tests and scripts. */
  static readonly layerFromEnv = (env: Readonly<Record<string, string>>) =>
    Layer.effect(RedisConfig, redisConfig.parse(ConfigProvider.fromEnv({ env })))
}
