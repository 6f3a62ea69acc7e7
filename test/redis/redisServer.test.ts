// The harness itself: what benchmarks and the fault suite rely on (passwords, AOF, restart in place).
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Redis } from "ioredis"
import { rm } from "node:fs/promises"
import { findRedisServer, redisAvailability, skipWithoutRedis, startRedisServer } from "../support/redisServer.ts"

const call = (url: string, ...args: [string, ...Array<string>]) =>
  Effect.promise(async () => {
    const client = new Redis(url, { protocol: 2, lazyConnect: true, enableReadyCheck: false, retryStrategy: () => null })
    client.on("error", () => {})
    try {
      await client.connect()
      return await client.call(...args)
    } catch (error) {
      return error instanceof Error ? error.message.split(" ")[0] : "?"
    } finally {
      client.disconnect()
    }
  })

describe("redis availability", () => {
  it("REDIS_URL first, then redis-server on PATH, else missing (required with REQUIRE_REDIS=1)", () => {
    assert.deepStrictEqual(redisAvailability({ REDIS_URL: "redis://h:1", PATH: "/nonexistent" }), { kind: "url", url: "redis://h:1" })
    assert.deepStrictEqual(redisAvailability({ PATH: "/nonexistent" }), { kind: "missing", required: false })
    assert.deepStrictEqual(redisAvailability({ PATH: "/nonexistent", REQUIRE_REDIS: "1" }), { kind: "missing", required: true })
    assert.deepStrictEqual(redisAvailability({ REDIS_URL: "redis://h:1", PATH: "/nonexistent" }, true), { kind: "missing", required: false })
    assert.isFalse(skipWithoutRedis("probe", { env: { PATH: "/nonexistent", REQUIRE_REDIS: "1" } }))
    assert.isFalse(skipWithoutRedis("probe", { env: { REDIS_URL: "redis://h:1", PATH: "/nonexistent" } }))
  })
})

const title = "redis-server harness"
describe.skipIf(skipWithoutRedis(title, { ownServer: true }))(title, () => {
  it.live("finds redis-server on PATH", () => Effect.sync(() => assert.isDefined(findRedisServer())))

  it.live("a password-protected server: the url carries the password; without it NOAUTH", () =>
    Effect.gen(function*() {
      const server = yield* Effect.acquireRelease(
        Effect.promise(() => startRedisServer({ password: "p@ss word" })),
        (s) => Effect.promise(() => s.stop())
      )
      assert.match(server.url, /^redis:\/\/:p%40ss%20word@127\.0\.0\.1:\d+$/)
      assert.strictEqual(yield* call(server.url, "PING"), "PONG")
      assert.strictEqual(yield* call(`redis://127.0.0.1:${server.port}`, "SET", "k", "v"), "NOAUTH")
    }))

  it.live("kill -9 and restart in place: with AOF the data survives; stop() leaves a dir it was given", () =>
    Effect.gen(function*() {
      const aof = ["--appendonly", "yes", "--appendfsync", "always"]
      const first = yield* Effect.promise(() => startRedisServer({ args: aof }))
      const dir = first.dir!
      yield* Effect.addFinalizer(() => Effect.promise(() => rm(dir, { recursive: true, force: true })))
      assert.strictEqual(yield* call(first.url, "SET", "k", "kept"), "OK")
      yield* Effect.promise(() => first.kill("SIGKILL"))
      assert.notStrictEqual(yield* call(first.url, "PING"), "PONG")
      const second = yield* Effect.promise(() => startRedisServer({ args: aof, port: first.port, dir }))
      assert.strictEqual(yield* call(second.url, "GET", "k"), "kept")
      yield* Effect.promise(() => second.stop())
      yield* Effect.promise(() => first.stop()) // already dead: returns at once, keeps nothing running
    }))
})
