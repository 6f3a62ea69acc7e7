// `node dist/main.js worker` (and plain `node dist/main.js`): the extraction worker on one job stream
// (STREAM), configured from the environment. Runs until SIGTERM/SIGINT, then stops gracefully.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Effect, Layer } from "effect"
import { layerHttp } from "../bookmakers/registry.ts"
import { layerSynthetic } from "../bookmakers/synthetic/layer.ts"
import { extractorsMode, WorkerConfig } from "../config/WorkerConfig.ts"
import { FixtureResolver } from "../matching/FixtureResolver.ts"
import { run } from "../pipeline/Worker.ts"
import { layerRedis } from "../redis/layers.ts"
import { runCommand } from "./run.ts"

/** XTR_EXTRACTORS: the bookmakers over HTTP, or the I/O-free synthetic registry for capacity planning. */
const ExtractorsLive = Layer.unwrap(Effect.map(extractorsMode, (mode) =>
  mode === "synthetic" ? layerSynthetic : layerHttp.pipe(Layer.provide(NodeHttpClient.layerUndici))))

// Every setting is read before Redis is connected to (which may wait for it), so that a bad one is reported at once.
const WorkerLive = layerRedis.pipe(
  Layer.provideMerge(Layer.mergeAll(ExtractorsLive, FixtureResolver.layer.pipe(Layer.provide(NodeFileSystem.layer)))),
  Layer.provideMerge(WorkerConfig.layer)
)

runCommand(run.pipe(Effect.provide(WorkerLive)))
