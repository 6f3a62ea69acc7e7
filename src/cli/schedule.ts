// `node dist/main.js schedule`: puts extraction jobs on the six job streams on SCHED_* cadences, skipping a
// stream's round while its workers are behind. Runs until SIGTERM/SIGINT.
import { Effect } from "effect"
import { layerRedis } from "../redis/layers.ts"
import { runScheduler } from "../scheduler/Scheduler.ts"
import { SchedulerConfig } from "../scheduler/SchedulerConfig.ts"
import { runCommand } from "./run.ts"

// The settings are read first, so that a bad one is reported before any connection is tried.
runCommand(runScheduler.pipe(Effect.provide(layerRedis), Effect.provide(SchedulerConfig.layer)))
