// `node dist/main.js simulate`: serves the four simulated bookmakers, /truth and /control on SIM_HOST:SIM_PORT
// from the world of SIM_SEED. Runs until SIGTERM/SIGINT.
import { Effect } from "effect"
import { simulatorResource } from "../simulator/Server.ts"
import { simulatorOptions } from "../simulator/SimulatorConfig.ts"
import { runCommand } from "./run.ts"

const program = Effect.gen(function*() {
  const sim = yield* simulatorResource(yield* simulatorOptions)
  const { options, fixtures, mispricings } = sim.world
  yield* Effect.logInfo(`simulator listening on ${sim.url}`).pipe(Effect.annotateLogs({
    port: sim.port,
    seed: options.seed,
    anchor: options.anchor.toISOString(),
    fixtures: fixtures.length,
    mispricings: mispricings.length
  }))
  return yield* Effect.never
}).pipe(Effect.scoped)

runCommand(program)
