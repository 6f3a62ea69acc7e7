// `node dist/main.js start [--duration 20s] [--json] [--seed text]` (`npm start`): the whole system in one
// process (simulator, scheduler, six workers, detector) with a live view; see src/app/start.ts.
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { startCommand } from "../app/start.ts"
import { errorsToStderr } from "./errorsToStderr.ts"
import { runCommand } from "./run.ts"

// argv: node main.js start [flags…]; the command name itself is not an argument of the command.
runCommand(
  Command.runWith(startCommand, { version: "0.1.0" })(process.argv.slice(3)).pipe(
    Effect.provide([NodeServices.layer, errorsToStderr("start")]) // with --json, stdout carries only events
  )
)
