// RedisStore on ioredis 6 (production). Two connections, each a scoped resource:
// - commands: everything but XREADGROUP. A reply timeout, no offline queue and no resend after a
//   reconnect, so a command is sent at most once per call (a write whose reply was lost fails with a
//   timeout instead of being replayed behind the caller's back; callers retry idempotent writes).
// - reader: XREADGROUP … BLOCK only. No reply timeout (BLOCK is the wait), no resend, no reconnect of
//   its own: a closed reader fails the read at once and the next read opens a fresh connection. A read
//   that has not answered after BLOCK + REDIS_READ_MARGIN (a blackholed link) fails and drops the
//   connection; the caller re-reads its pending entries.
// Replies use RESP2 (set explicitly: ioredis 6 defaults to RESP3) and are validated with Schema.
// Errors carry only redacted text (see redact.ts): never command arguments, the URL or the password.
import { readFile } from "node:fs/promises"
import { Duration, Effect, Layer, Option, Redacted, Result, Schedule, Schema, Semaphore } from "effect"
import { Redis } from "ioredis"
import type { ChainableCommander, ClientContext, RedisOptions, Result as IoResult } from "ioredis"
import { capArgs, fieldArgs, publishOnceArgs, publishOnceError, publishOnceLua } from "./publishOnce.ts"
import type { PublishOnce } from "./publishOnce.ts"
import { describeError, describeReply, replyCode } from "./redact.ts"
import { parseRedisUrl, RedisConfig } from "./RedisConfig.ts"
import { replyWithin } from "./replyWithin.ts"
import { NoGroup, RedisError, RedisStore } from "./RedisStore.ts"
import type { Command, ReadRequest, Reply, StreamEntry } from "./RedisStore.ts"
import * as R from "./replies.ts"

declare module "ioredis" {
  interface RedisCommander<Context extends ClientContext = { type: "default" }> {
    /** Defined with defineCommand: EVALSHA, falling back to EVAL (and SCRIPT LOAD in pipelines). */
    publishOnce(hashKey: string, stream: string, ...argv: Array<string>): IoResult<unknown, Context>
  }
}

const failWith = (op: string) => (error: unknown) => new RedisError({ op, message: describeError(error) })

/** Connection failures that mean Redis is not there yet (down, restarting, loading), not that it refuses us. */
const unreachable = (error: RedisError): boolean =>
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|ENOTFOUND|EAI_AGAIN|connect timed out|Connection is closed|^LOADING/
    .test(error.message)

/** Between attempts to make the first connection: 100 ms, doubling, at most 2 s. */
const connectBackoff = Schedule.min([Schedule.exponential("100 millis"), Schedule.spaced("2 seconds")])

/**
 * A first connection: while Redis is down or restarting, wait for it (exiting would make a supervisor
 * crash-loop us); a refusal (bad password, ACL, certificate) still fails at once.
 */
const waitForRedis = <A>(connecting: Effect.Effect<A, RedisError>): Effect.Effect<A, RedisError> =>
  connecting.pipe(
    Effect.tapError((error) =>
      unreachable(error) ? Effect.logWarning("Redis not reachable yet; retrying", { error: error.message }) : Effect.void
    ),
    Effect.retry({ schedule: connectBackoff, while: unreachable })
  )

const decodeReply = <A>(op: string, schema: Schema.Decoder<A>) => (raw: unknown): Effect.Effect<A, RedisError> =>
  Schema.decodeUnknownEffect(schema)(raw).pipe(
    Effect.mapError(() => new RedisError({ op, message: `unexpected ${op} reply` }))
  )

const toEntry = (stream: string) => ([id, fields]: readonly [string, ReadonlyArray<string> | null]): StreamEntry => ({
  stream,
  id,
  fields: R.toFields(fields)
})

const scoreArg = (score: number): string => (score === Infinity ? "+inf" : score === -Infinity ? "-inf" : String(score))

type Plain = Exclude<Command, PublishOnce>

/** A command's name and arguments, as sent. */
const commandArgs = (c: Plain): [string, ...Array<string | number>] => {
  switch (c.op) {
    case "hset":
      return ["HSET", c.key, ...fieldArgs(c.fields)]
    case "hgetall":
      return ["HGETALL", c.key]
    case "hmget":
      return ["HMGET", c.key, ...c.fields]
    case "hdel":
      return ["HDEL", c.key, ...c.fields]
    case "del":
      return ["DEL", c.key]
    case "expire":
      return ["EXPIRE", c.key, c.seconds]
    case "xadd":
      return ["XADD", c.stream, ...capArgs(c.cap), "*", ...fieldArgs(c.fields)]
    case "xack":
      return ["XACK", c.stream, c.group, ...c.ids]
    case "zadd":
      return ["ZADD", c.key, ...c.members.flatMap(([score, member]) => [scoreArg(score), member])]
    case "zrem":
      return ["ZREM", c.key, ...c.members]
    case "set":
      return ["SET", c.key, c.value]
    case "get":
      return ["GET", c.key]
  }
}

const isFieldList = Schema.is(R.FieldList)
const isNullableString = Schema.is(R.NullableString)
const isNullableStrings = Schema.is(R.NullableStrings)
const isId = Schema.is(R.Id)
const isOk = Schema.is(R.Ok)
const isCount = Schema.is(R.Count)

/**
 * A command's raw reply, validated, as a Reply; undefined when it does not have the command's shape. Checked
 * synchronously: `exec` carries most of the worker's commands, a few per job.
 */
const toReply = (c: Command, raw: unknown): Reply | undefined => {
  switch (c.op) {
    case "hgetall":
      return isFieldList(raw) ? { op: "hgetall", value: R.toFields(raw) } : undefined
    case "hmget":
      return isNullableStrings(raw) && raw.length === c.fields.length ? { op: "hmget", values: raw } : undefined
    case "get":
      return isNullableString(raw) ? { op: "get", value: raw } : undefined
    case "xadd":
      return isId(raw) ? { op: "xadd", id: raw } : undefined
    case "publishOnce":
      return isNullableString(raw) ? { op: "publishOnce", id: raw } : undefined
    case "set":
      return isOk(raw) ? { op: "count", n: 1 } : undefined
    default:
      return isCount(raw) ? { op: "count", n: raw } : undefined
  }
}

/** RESP2 replies only: without `replyMapping`, which belongs to RESP3. */
type Options = Omit<RedisOptions, "replyMapping">

interface Connection {
  readonly client: Redis
  /** The last error ioredis reported on this connection, redacted: the reason behind "Connection is closed.". */
  lastError: string | undefined
  closed: boolean
}

/** `waitAtStart`: retry the first connections while Redis is unreachable (see waitForRedis). */
const make = (waitAtStart: boolean) => Effect.gen(function*() {
  const firstConnection = waitAtStart ? waitForRedis : <A>(connecting: Effect.Effect<A, RedisError>) => connecting
  const cfg = yield* RedisConfig
  const target = Result.getOrUndefined(parseRedisUrl(Redacted.value(cfg.url)))
  if (target === undefined) return yield* new RedisError({ op: "config", message: "REDIS_URL is not a redis:// URL" })
  const ca = yield* Option.match(cfg.tlsCaFile, {
    onNone: () => Effect.succeed(undefined),
    onSome: (path) => Effect.tryPromise({ try: () => readFile(path), catch: failWith("tls-ca") })
  })
  const millis = Duration.toMillis

  const open = (name: string, overrides: Options): Connection => {
    const options: Options = {
      host: target.host,
      port: target.port,
      username: target.username,
      password: target.password,
      db: target.db,
      // Node verifies the certificate against the host name unless told otherwise; we never tell it.
      ...(target.tls ? { tls: ca === undefined ? {} : { ca } } : {}),
      protocol: 2,
      connectionName: `bookies-${name}`,
      lazyConnect: true,
      connectTimeout: millis(cfg.connectTimeout),
      scripts: { publishOnce: { lua: publishOnceLua, numberOfKeys: 2 } },
      ...overrides
    }
    const client = new Redis(options)
    const conn: Connection = { client, lastError: undefined, closed: false }
    // A listener keeps ioredis from printing errors (with their arguments) itself; the reason is kept
    // for the failure of the call that meets it.
    client.on("error", (error) => (conn.lastError = describeError(error)))
    client.on("ready", () => (conn.lastError = undefined))
    client.on("end", () => (conn.closed = true))
    return conn
  }

  const connect = (conn: Connection) =>
    Effect.tryPromise({
      try: () => conn.client.connect(),
      catch: (error) => new RedisError({ op: "connect", message: conn.lastError ?? describeError(error) })
    }).pipe(
      Effect.timeoutOrElse({
        duration: cfg.connectTimeout,
        orElse: () => Effect.fail(new RedisError({ op: "connect", message: conn.lastError ?? "connect timed out" }))
      }),
      Effect.tapError(() => Effect.sync(() => conn.client.disconnect()))
    )

  const commands = yield* Effect.acquireRelease(
    Effect.suspend(() => {
      // No ioredis commandTimeout: it arms a timer per command; `call` bounds each round trip instead.
      const conn = open("commands", {
        enableOfflineQueue: false,
        autoResendUnfulfilledCommands: false
      })
      return Effect.as(connect(conn), conn)
    }).pipe(firstConnection),
    (conn) =>
      Effect.tryPromise(() => conn.client.quit()).pipe(
        Effect.timeout(cfg.closeTimeout),
        Effect.ignore,
        Effect.ensuring(Effect.sync(() => conn.client.disconnect()))
      )
  )

  const openReader = Effect.suspend(() => {
    const conn = open("reader", { autoResendUnfulfilledCommands: false, retryStrategy: () => null })
    return Effect.as(connect(conn), conn)
  })
  // The reader in use; replaced after it closed or was dropped by the watchdog. Only readGroup touches it.
  let reader: Connection | undefined = yield* Effect.acquireRelease(
    firstConnection(openReader),
    () => Effect.sync(() => reader?.client.disconnect()) // disconnect, not quit: quit waits for the BLOCK
  )
  const dropReader = (conn: Connection) =>
    Effect.sync(() => {
      if (reader === conn) reader = undefined
      conn.client.disconnect()
    })

  /** A failed call; a client-side failure ("Connection is closed.") names the connection's last error too. */
  const failOn = (conn: Connection, op: string) => (error: unknown) =>
    new RedisError({
      op,
      message: replyCode(error) === undefined && conn.lastError !== undefined
        ? `${describeError(error)} (${conn.lastError})`
        : describeError(error)
    })

  /** One round trip on the command connection, failing after REDIS_COMMAND_TIMEOUT without a reply. */
  const call = <A>(op: string, roundTrip: () => Promise<A>) =>
    replyWithin(
      Duration.toMillis(cfg.commandTimeout),
      roundTrip,
      failOn(commands, op),
      () => Effect.fail(new RedisError({ op, message: "Command timed out" }))
    )
  const send = (op: string, args: [string, ...Array<string | number>]) => call(op, () => commands.client.call(...args))
  const noGroup = (stream: string, group: string) => (e: RedisError): Effect.Effect<never, RedisError | NoGroup> =>
    e.message.startsWith("NOGROUP") ? Effect.fail(new NoGroup({ stream, group })) : Effect.fail(e)

  const readLock = Semaphore.makeUnsafe(1)
  const readGroup = Effect.fn("RedisStore.readGroup")(
    function*(req: ReadRequest) {
      const conn = reader !== undefined && !reader.closed ? reader : (reader = yield* openReader)
      const args: Array<string | number> = [
        "GROUP",
        req.group,
        req.consumer,
        ...(req.count > 0 ? ["COUNT", req.count] : []),
        ...(req.blockMs > 0 ? ["BLOCK", req.blockMs] : []),
        "STREAMS",
        ...req.streams.map((s) => s.stream),
        ...req.streams.map((s) => s.id)
      ]
      const raw = yield* replyWithin(
        Math.max(0, req.blockMs) + Duration.toMillis(cfg.readMargin),
        () => conn.client.call("XREADGROUP", ...args),
        (error) => {
          if (replyCode(error) === "NOGROUP") {
            // The reply names the missing key; only a stream we asked for is taken from it.
            const named = error instanceof Error ? req.streams.find((s) => error.message.includes(`'${s.stream}'`)) : undefined
            return new NoGroup({ stream: (named ?? req.streams[0])?.stream ?? "", group: req.group })
          }
          return failOn(conn, "xreadgroup")(error)
        },
        () =>
          Effect.andThen(
            dropReader(conn),
            Effect.fail(new RedisError({ op: "xreadgroup", message: "no reply within BLOCK + REDIS_READ_MARGIN; reader reconnects" }))
          )
      ).pipe(
        // An interrupted BLOCK would hold the connection: drop it, the next read opens another.
        Effect.onInterrupt(() => dropReader(conn))
      )
      const streams = yield* decodeReply("xreadgroup", R.ReadReply)(raw)
      return (streams ?? []).flatMap(([stream, entries]) => entries.map(toEntry(stream)))
    },
    Semaphore.withPermit(readLock)
  )

  const exec = Effect.fnUntraced(function*(list: ReadonlyArray<Command>, options?: { readonly atomic?: boolean }) {
    if (list.length === 0) return []
    for (const c of list) {
      const error = c.op === "publishOnce" ? publishOnceError(c) : undefined
      if (error !== undefined) return yield* new RedisError({ op: c.op, message: describeReply(error) })
    }
    const batch: ChainableCommander = options?.atomic === true ? commands.client.multi() : commands.client.pipeline()
    for (const c of list) {
      if (c.op === "publishOnce") batch.publishOnce(...publishOnceArgs(c))
      else batch.call(...commandArgs(c))
    }
    const results = yield* call("exec", () => batch.exec())
    if (results === null || results.length !== list.length) {
      return yield* new RedisError({ op: "exec", message: "transaction aborted" })
    }
    // As Redis runs them: a failing command does not stop the others; the first failure is reported.
    const failed = results.findIndex(([error]) => error !== null)
    if (failed >= 0) return yield* failWith(list[failed]!.op)(results[failed]![0])
    const replies: Array<Reply> = []
    for (let i = 0; i < list.length; i++) {
      const reply = toReply(list[i]!, results[i]![1])
      if (reply === undefined) return yield* new RedisError({ op: list[i]!.op, message: `unexpected ${list[i]!.op} reply` })
      replies.push(reply)
    }
    return replies
  })

  return RedisStore.of({
    ensureGroup: (stream, group, startId = "0") =>
      send("xgroup", ["XGROUP", "CREATE", stream, group, startId, "MKSTREAM"]).pipe(
        Effect.as(true),
        Effect.catchIf((e) => e.message.startsWith("BUSYGROUP"), () => Effect.succeed(false))
      ),
    readGroup,
    autoClaim: (req) =>
      send("xautoclaim", ["XAUTOCLAIM", req.stream, req.group, req.consumer, req.minIdleMs, req.start, "COUNT", req.count]).pipe(
        Effect.catch(noGroup(req.stream, req.group)),
        Effect.flatMap(decodeReply("xautoclaim", R.AutoClaimReply)),
        Effect.map(([next, entries, deleted]) => ({ next, entries: entries.map(toEntry(req.stream)), deleted }))
      ),
    pending: (req) =>
      send("xpending", [
        "XPENDING",
        req.stream,
        req.group,
        req.start ?? "-",
        req.end ?? "+",
        req.count,
        ...(req.consumer === undefined ? [] : [req.consumer])
      ]).pipe(
        Effect.catch(noGroup(req.stream, req.group)),
        Effect.flatMap(decodeReply("xpending", R.PendingReply)),
        Effect.map((rows) => rows.map(([id, consumer, idleMs, deliveries]) => ({ id, consumer, idleMs, deliveries })))
      ),
    groups: (stream) =>
      send("xinfo", ["XINFO", "GROUPS", stream]).pipe(
        Effect.catchIf((e) => e.message === describeReply("ERR no such key"), () => Effect.succeed([])),
        Effect.flatMap(decodeReply("xinfo", R.GroupsReply)),
        Effect.flatMap(Effect.forEach((flat) =>
          decodeReply("xinfo", R.GroupFields)(Object.fromEntries(
            Array.from({ length: flat.length >> 1 }, (_, i) => [String(flat[2 * i]), flat[2 * i + 1]])
          ))
        )),
        Effect.map((groups) =>
          groups.map((g) => ({
            name: g.name,
            consumers: g.consumers,
            pending: g.pending,
            lastDeliveredId: g["last-delivered-id"],
            lag: g.lag ?? null
          }))
        )
      ),
    streamLength: (stream) => send("xlen", ["XLEN", stream]).pipe(Effect.flatMap(decodeReply("xlen", R.Count))),
    range: (stream, start, end, count) =>
      count <= 0
        ? Effect.succeed([])
        : send("xrange", ["XRANGE", stream, start, end, "COUNT", count]).pipe(
          Effect.flatMap(decodeReply("xrange", R.RangeReply)),
          Effect.map((entries) => entries.map(toEntry(stream)))
        ),
    trimMinId: (stream, minId) =>
      send("xtrim", ["XTRIM", stream, "MINID", minId]).pipe(Effect.flatMap(decodeReply("xtrim", R.Count))),
    exec,
    add: (stream, fields, cap) =>
      send("xadd", commandArgs({ op: "xadd", stream, fields, ...(cap === undefined ? {} : { cap }) })).pipe(
        Effect.flatMap(decodeReply("xadd", R.Id))
      ),
    zrangeDesc: (key, limit) =>
      limit <= 0
        ? Effect.succeed([])
        : send("zrange", ["ZRANGE", key, 0, limit - 1, "REV", "WITHSCORES"]).pipe(
          Effect.flatMap(decodeReply("zrange", R.ScoredReply))
        )
  })
})

export const makeIoredisStore = make(false)

/** The ioredis store; needs RedisConfig. Fails with RedisError when the first connections cannot be made. */
export const layerIoredis: Layer.Layer<RedisStore, RedisError, RedisConfig> = Layer.effect(RedisStore, makeIoredisStore)

/**
 * The ioredis store for long-running commands (worker, detector, scheduler): while Redis is down or restarting
 * at start it waits, logging each retry, instead of exiting; a refusal still fails at once.
 */
export const layerIoredisWaiting: Layer.Layer<RedisStore, RedisError, RedisConfig> = Layer.effect(RedisStore, make(true))
