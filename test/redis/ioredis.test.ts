// What only the ioredis layer does, against redis-server instances these tests start and disturb:
// the blocking-read watchdog, a reader killed by the server, command timeouts, recovery after Redis
// restarts empty, TLS with certificate verification, and the choice of layer from REDIS_URL.
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Context, Effect, Fiber, Layer, Schedule } from "effect"
import { Redis } from "ioredis"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { layerIoredis } from "../../src/redis/ioredis.ts"
import { layerFromConfig } from "../../src/redis/layers.ts"
import { RedisConfig } from "../../src/redis/RedisConfig.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import { makeTestCertificates, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"
import type { RedisServer, StartOptions } from "../support/redisServer.ts"

const server = (options: StartOptions = {}) =>
  Effect.acquireRelease(Effect.promise(() => startRedisServer(options)), (s) => Effect.promise(() => s.stop()))

/** A plain ioredis client to inspect and disturb the server from outside the store. */
const admin = (url: string, tlsCa?: Buffer) =>
  Effect.acquireRelease(
    Effect.sync(() => new Redis(url, { protocol: 2, ...(tlsCa === undefined ? {} : { tls: { ca: tlsCa } }) })),
    (client) => Effect.sync(() => client.disconnect())
  )

const storeLayer = (url: string, env: Record<string, string> = {}) =>
  layerIoredis.pipe(Layer.provide(RedisConfig.layerFromEnv({
    REDIS_URL: url,
    REDIS_COMMAND_TIMEOUT: "2 seconds",
    REDIS_CONNECT_TIMEOUT: "2 seconds",
    REDIS_READ_MARGIN: "1 second",
    REDIS_CLOSE_TIMEOUT: "1 second",
    ...env
  })))

/** Builds the store in the test's scope. */
const store = (url: string, env?: Record<string, string>) =>
  Layer.build(storeLayer(url, env)).pipe(Effect.map((services) => Context.get(services, RedisStore)))

const read = (s: RedisStore["Service"], stream: string, blockMs: number, id = ">") =>
  s.readGroup({ group: "g", consumer: "c", streams: [{ stream, id }], count: 10, blockMs })

const title = "RedisStore on ioredis against servers it disturbs"
describe.skipIf(skipWithoutRedis(title, { ownServer: true }))(title, () => {
  it.live("watchdog: a read without a reply after BLOCK + margin fails, and the next read works on a new connection", () =>
    Effect.gen(function*() {
      const redis = yield* server()
      const s = yield* store(redis.url, { REDIS_READ_MARGIN: "300 millis" })
      const outside = yield* admin(redis.url)
      yield* s.ensureGroup("jobs", "g")
      const id = yield* s.add("jobs", { n: "1" })
      yield* Effect.promise(() => outside.call("CLIENT", "PAUSE", "1500", "ALL"))
      const error = yield* Effect.flip(read(s, "jobs", 100))
      assert.deepStrictEqual([error._tag, error._tag === "RedisError" ? error.op : ""], ["RedisError", "xreadgroup"])
      assert.match(error.message, /no reply within BLOCK/)
      yield* Effect.sleep("1600 millis")
      // At least once: the entry comes as new, or (if the dropped read reached the server) as pending.
      const fresh = yield* read(s, "jobs", 100)
      const pending = yield* read(s, "jobs", 0, "0")
      assert.deepStrictEqual([...new Set([...fresh, ...pending].map((e) => e.id))], [id])
    }))

  it.live("a reader the server kills fails its read at once; the next read reconnects", () =>
    Effect.gen(function*() {
      const redis = yield* server()
      const s = yield* store(redis.url, { REDIS_READ_MARGIN: "30 seconds" })
      const outside = yield* admin(redis.url)
      yield* s.ensureGroup("jobs", "g")
      const blocked = yield* Effect.forkChild(Effect.flip(read(s, "jobs", 20_000)))
      yield* Effect.sleep("200 millis")
      const clients = String(yield* Effect.promise(() => outside.call("CLIENT", "LIST")))
      const readerId = /id=(\d+) [^\n]*name=bookies-reader/.exec(clients)?.[1]
      assert.isDefined(readerId, clients)
      yield* Effect.promise(() => outside.call("CLIENT", "KILL", "ID", readerId!))
      const error = yield* Fiber.join(blocked)
      assert.strictEqual(error._tag, "RedisError")
      assert.match(error.message, /^Connection is closed\./)
      const id = yield* s.add("jobs", { n: "1" })
      assert.deepStrictEqual((yield* read(s, "jobs", 1000)).map((e) => e.id), [id])
    }))

  it.live("a command without a reply fails with a timeout; the connection serves the next one", () =>
    Effect.gen(function*() {
      const redis = yield* server()
      const s = yield* store(redis.url, { REDIS_COMMAND_TIMEOUT: "300 millis" })
      const outside = yield* admin(redis.url)
      yield* Effect.promise(() => outside.call("CLIENT", "PAUSE", "1000", "ALL"))
      const error = yield* Effect.flip(s.streamLength("jobs"))
      assert.deepStrictEqual([error.op, error.message], ["xlen", "Command timed out"])
      yield* Effect.sleep("1100 millis")
      assert.strictEqual(yield* s.add("jobs", { n: "1" }).pipe(Effect.andThen(s.streamLength("jobs"))), 1)
    }))

  it.live("Redis restarted empty: reads fail with NoGroup, the group is recreated and reading goes on", () =>
    Effect.gen(function*() {
      const first = yield* Effect.promise(() => startRedisServer())
      let current: RedisServer = first
      yield* Effect.addFinalizer(() => Effect.promise(() => current.stop()))
      const s = yield* store(first.url)
      yield* s.ensureGroup("jobs", "g")
      yield* s.add("jobs", { n: "before" })
      yield* s.exec([{ op: "publishOnce", key: "entry", sigField: "sig", sig: "s0", also: {}, stream: "out", fields: { a: "0" } }])
      assert.strictEqual((yield* read(s, "jobs", 0)).length, 1)
      yield* Effect.promise(() => first.kill("SIGKILL"))
      current = yield* Effect.promise(() => startRedisServer({ port: first.port }))
      // The command connection reconnects on its own; until then commands fail fast.
      const retry = { schedule: Schedule.spaced("100 millis"), times: 50 }
      const error = yield* Effect.flip(read(s, "jobs", 0)).pipe(
        Effect.repeat({ until: (e) => e._tag === "NoGroup", ...retry })
      )
      assert.strictEqual(error._tag, "NoGroup")
      assert.isTrue(yield* s.ensureGroup("jobs", "g").pipe(Effect.retry(retry)))
      const id = yield* s.add("jobs", { n: "after" })
      assert.deepStrictEqual((yield* read(s, "jobs", 0)).map((e) => e.id), [id])
      // The publishOnce script was loaded before the restart; the empty server has to be given it again.
      const publish = { op: "publishOnce", key: "entry", sigField: "sig", sig: "s", also: {}, stream: "out", fields: { a: "1" } } as const
      const [reply] = yield* s.exec([publish])
      assert.isTrue(reply?.op === "publishOnce" && reply.id !== null)
    }))

  it.live("rediss://: the server certificate is verified against REDIS_TLS_CA, and refused without it", () =>
    Effect.gen(function*() {
      const dir = yield* Effect.acquireRelease(
        Effect.promise(() => mkdtemp(join(tmpdir(), "redis-tls-"))),
        (d) => Effect.promise(() => rm(d, { recursive: true, force: true }))
      )
      const certs = yield* Effect.promise(() => makeTestCertificates(dir))
      const redis = yield* server({ tls: certs })
      assert.match(redis.url, /^rediss:\/\//)
      const s = yield* store(redis.url, { REDIS_TLS_CA: certs.caFile })
      yield* s.add("jobs", { n: "1" })
      assert.strictEqual(yield* s.streamLength("jobs"), 1)
      const refused = yield* Effect.flip(Effect.scoped(Layer.build(storeLayer(redis.url))))
      assert.strictEqual(refused._tag, "RedisError")
      assert.match(refused.message, /CERT|SIGNATURE|ISSUER/)
      const missingCa = yield* Effect.flip(Effect.scoped(Layer.build(storeLayer(redis.url, { REDIS_TLS_CA: join(dir, "nope.pem") }))))
      assert.deepStrictEqual([missingCa._tag, missingCa.message], ["RedisError", "open ENOENT"])
    }))

  it.live("layerFromConfig: in memory without REDIS_URL, ioredis with it", () =>
    Effect.gen(function*() {
      const redis = yield* server()
      const outside = yield* admin(redis.url)
      const addVia = (env: Record<string, string>, stream: string) =>
        RedisStore.use((s) => s.add(stream, { n: "1" })).pipe(
          Effect.provide(layerFromConfig),
          Effect.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env })))
        )
      yield* addVia({}, "memory-only")
      yield* addVia({ REDIS_URL: redis.url }, "on-the-server")
      assert.deepStrictEqual(
        yield* Effect.promise(() => Promise.all([outside.call("XLEN", "memory-only"), outside.call("XLEN", "on-the-server")])),
        [0, 1]
      )
      const bad = yield* Effect.flip(addVia({ REDIS_URL: "http://nope" }, "x"))
      assert.strictEqual(bad._tag, "ConfigError")
    }))
})
