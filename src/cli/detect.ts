// `node dist/main.js detect`: consumes the six matched streams and publishes opportunity events to the
// `opportunities` stream and the `opportunities:active` set. Runs until SIGTERM/SIGINT.
import { Effect, Layer } from "effect"
import { Detector } from "../mispricing/detector/Detector.ts"
import { DetectorConfig } from "../mispricing/detector/DetectorConfig.ts"
import { layerRedis } from "../redis/layers.ts"
import { runCommand } from "./run.ts"

// The detector's settings are read first, so that a bad one is reported before any connection is tried.
const DetectorLive = Detector.layer.pipe(Layer.provide(layerRedis), Layer.provide(DetectorConfig.layer))

runCommand(Detector.use((detector) => detector.run).pipe(Effect.provide(DetectorLive)))
