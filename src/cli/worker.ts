// `node dist/main.js worker` (and plain `node dist/main.js`): the extraction worker on one job stream
// (STREAM), configured from the environment. Runs until SIGTERM/SIGINT, then stops gracefully.
import { Effect } from "effect"
import { run } from "../pipeline/Worker.ts"
import { WorkerLive } from "../pipeline/WorkerLive.ts"
import { runCommand } from "./run.ts"

runCommand(run.pipe(Effect.provide(WorkerLive)))
