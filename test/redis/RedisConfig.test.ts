import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Option, Redacted, Result } from "effect"
import { parseRedisUrl, RedisConfig } from "../../src/redis/RedisConfig.ts"

const parse = (env: Record<string, string>) => RedisConfig.config.parse(ConfigProvider.fromEnv({ env }))

describe("RedisConfig", () => {
  it("parseRedisUrl takes a redis:// or rediss:// URL apart", () => {
    assert.deepStrictEqual(Result.getOrUndefined(parseRedisUrl("rediss://worker:p%40ss@redis.example:6380/3")), {
      host: "redis.example",
      port: 6380,
      username: "worker",
      password: "p@ss",
      db: 3,
      tls: true
    })
    assert.deepStrictEqual(Result.getOrUndefined(parseRedisUrl("redis://[::1]")), {
      host: "::1",
      port: 6379,
      username: undefined,
      password: undefined,
      db: 0,
      tls: false
    })
    assert.strictEqual(Result.getOrUndefined(parseRedisUrl("redis://:pw@h/"))?.password, "pw")
  })

  it("parseRedisUrl refuses other URLs without repeating them", () => {
    for (const url of ["http://u:hunter2@h", "hunter2", "redis://u:hunter2@h/db", "redis://u:hunter2@h?x=1", "redis://u:hunter2@:1"]) {
      const result = parseRedisUrl(url)
      assert.isTrue(Result.isFailure(result), url)
      assert.notInclude(Result.isFailure(result) ? result.failure : "", "hunter2")
    }
  })

  it.effect("defaults: local Redis, no CA, 5 s commands, 10 s connect, 5 s read margin, 2 s close", () =>
    Effect.gen(function*() {
      const cfg = yield* parse({})
      assert.strictEqual(Redacted.value(cfg.url), "redis://127.0.0.1:6379")
      assert.isTrue(Option.isNone(cfg.tlsCaFile))
      assert.deepStrictEqual(
        [cfg.commandTimeout, cfg.connectTimeout, cfg.readMargin, cfg.closeTimeout].map(Duration.toMillis),
        [5000, 10_000, 5000, 2000]
      )
    }))

  it.effect("reads every variable", () =>
    Effect.gen(function*() {
      const cfg = yield* parse({
        REDIS_URL: "rediss://u:hunter2@h:1",
        REDIS_TLS_CA: "/etc/ca.pem",
        REDIS_COMMAND_TIMEOUT: "750 millis",
        REDIS_CONNECT_TIMEOUT: "3 seconds",
        REDIS_READ_MARGIN: "1 second",
        REDIS_CLOSE_TIMEOUT: "500 millis"
      })
      assert.strictEqual(Redacted.value(cfg.url), "rediss://u:hunter2@h:1")
      assert.notInclude(String(cfg.url), "hunter2")
      assert.deepStrictEqual(Option.getOrUndefined(cfg.tlsCaFile), "/etc/ca.pem")
      assert.deepStrictEqual(
        [cfg.commandTimeout, cfg.connectTimeout, cfg.readMargin, cfg.closeTimeout].map(Duration.toMillis),
        [750, 3000, 1000, 500]
      )
    }))

  it.effect("a bad REDIS_URL names the variable and never shows the password", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(parse({ REDIS_URL: "http://u:hunter2@h" }))
      assert.include(error.message, "REDIS_URL")
      assert.include(error.message, "redis:// or rediss://")
      assert.notInclude(error.message, "hunter2")
      assert.notInclude(String(error), "hunter2")
    }))

  it.effect("a bad duration names its variable", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(parse({ REDIS_COMMAND_TIMEOUT: "soon" }))
      assert.include(error.message, "REDIS_COMMAND_TIMEOUT")
    }))
})
