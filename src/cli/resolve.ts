// `node dist/main.js resolve`: audit fixture matching. Reads listings as JSON lines on stdin
// ({"bookmaker","home","away","kickoff","league","batch"}) and prints one line per input with its entry key.
// Bad lines are reported on stderr with their line number; the exit code is then 1. A bad alias table
// (data/aliases.json or RESOLVER_ALIASES) is one line on stderr and exit code 2, like a configuration error.
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
    Effect.catchTag("AliasTableInvalid", (e) =>
      Effect.sync(() => {
        process.stderr.write(`alias table error: ${e.path}: ${e.message}\n`)
        process.exitCode = 2
      })),
    Effect.provide([NodeStdio.layer, NodeFileSystem.layer])
  )
)
