// The worker's services as `node dist/main.js worker` runs them, shared with `start` (which runs six workers on
// one set of extractors and one resolver) and with the end-to-end test (which runs the worker in-process).
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Effect, Layer } from "effect"
import { layerHttp } from "../bookmakers/registry.ts"
import { layerSynthetic } from "../bookmakers/synthetic/layer.ts"
import { extractorsMode, WorkerConfig } from "../config/WorkerConfig.ts"
import { FixtureResolver } from "../matching/FixtureResolver.ts"
import { layerRedis } from "../redis/layers.ts"

/** The bookmakers over HTTP (BOOKIE_*_URL), on undici. */
export const layerHttpExtractors = layerHttp.pipe(Layer.provide(NodeHttpClient.layerUndici))

/** XTR_EXTRACTORS: the bookmakers over HTTP, or the I/O-free synthetic registry for capacity planning. */
export const layerExtractors = Layer.unwrap(
  Effect.map(extractorsMode, (mode) => mode === "synthetic" ? layerSynthetic : layerHttpExtractors)
)

/** The fixture resolver, its lexicon read from disk. */
export const layerResolver = FixtureResolver.layer.pipe(Layer.provide(NodeFileSystem.layer))

/**
 * Everything `run` needs, configured from the environment: WorkerConfig, the extractors, the resolver and
 * ioredis. Every setting is read before Redis is connected to (which may wait for it), so that a bad one is
 * reported at once.
 */
export const WorkerLive = layerRedis.pipe(
  Layer.provideMerge(Layer.mergeAll(layerExtractors, layerResolver)),
  Layer.provideMerge(WorkerConfig.layer)
)
