// `node dist/main.js schedule`: puts extraction jobs on the six job streams on SCHED_* cadences, skipping a
// stream's round while its workers are behind. Runs until SIGTERM/SIGINT.
import { Effect, Layer } from "effect"
import { layerRedis } from "../redis/layers.ts"
import { runScheduler } from "../scheduler/Scheduler.ts"
import { SchedulerConfig } from "../scheduler/SchedulerConfig.ts"
import { runCommand } from "./run.ts"

runCommand(runScheduler.pipe(Effect.provide(Layer.mergeAll(SchedulerConfig.layer, layerRedis))))
