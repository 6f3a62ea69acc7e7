// `node dist/main.js detect`: consumes the six matched streams and publishes opportunity events to the
// `opportunities` stream and the `opportunities:active` set. Runs until SIGTERM/SIGINT.
import { Effect, Layer } from "effect"
import { Detector } from "../mispricing/detector/Detector.ts"
import { DetectorConfig } from "../mispricing/detector/DetectorConfig.ts"
import { layerRedis } from "../redis/layers.ts"
import { runCommand } from "./run.ts"

const DetectorLive = Detector.layer.pipe(Layer.provide(Layer.mergeAll(DetectorConfig.layer, layerRedis)))

runCommand(Detector.use((detector) => detector.run).pipe(Effect.provide(DetectorLive)))
