// Which RedisStore a program runs on.
import { Config, Effect, Layer, Option } from "effect"
import { layerIoredisWaiting } from "./ioredis.ts"
import { layerMemory } from "./memory.ts"
import { RedisConfig } from "./RedisConfig.ts"

/**
 * ioredis, configured from the environment (REDIS_URL defaults to redis://127.0.0.1:6379), waiting for Redis
 * at start: for `worker`, `detect` and `schedule`.
 */
export const layerRedis = layerIoredisWaiting.pipe(Layer.provide(RedisConfig.layer))

/** ioredis when REDIS_URL is set, the in-memory store otherwise: for `start` on embedded defaults. */
export const layerFromConfig = Layer.unwrap(
  Effect.map(
    Config.option(Config.String("REDIS_URL")),
    Option.match({ onNone: () => layerMemory, onSome: () => layerRedis })
  )
)
