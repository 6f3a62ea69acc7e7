// `node dist/main.js resolve`: audit fixture matching. Reads listings as JSON lines on stdin
// ({"bookmaker","home","away","kickoff","league","batch"}) and prints one line per input with its entry key.
// Bad lines are reported on stderr with their line number; the exit code is then 1.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodeStdio from "@effect/platform-node/NodeStdio"
import { Effect } from "effect"
import { resolveCommand } from "../matching/resolver/audit.ts"
import { runCommand } from "./run.ts"

runCommand(
  resolveCommand.pipe(
    Effect.tap(({ bad }) =>
      Effect.sync(() => {
        if (bad > 0) process.exitCode = 1
      })
    ),
    Effect.provide([NodeStdio.layer, NodeFileSystem.layer])
  )
)
