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

// The worker's own settings are read first, so that a bad one is reported before any connection is tried.
const WorkerLive = Layer.mergeAll(
  layerRedis,
  ExtractorsLive,
  FixtureResolver.layer.pipe(Layer.provide(NodeFileSystem.layer))
).pipe(Layer.provideMerge(WorkerConfig.layer))

runCommand(run.pipe(Effect.provide(WorkerLive)))
