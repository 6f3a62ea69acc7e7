// The simulator's settings from the environment (all optional; see docs/simulator.md).
import { Config, Option, Schema } from "effect"
import { FaultSettingsJson } from "./Faults.ts"
import type { SimulatorOptions } from "./Server.ts"
import { defaultWorldOptions } from "./SimWorld.ts"

const NonNegativeInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const PortOrZero = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 65535 }))

const count = (name: string, fallback: number) => Config.schema(NonNegativeInt, name).pipe(Config.withDefault(fallback))

export const simulatorConfig = Config.all({
  host: Config.NonEmptyString("SIM_HOST").pipe(Config.withDefault("127.0.0.1")),
  /** 0 = an ephemeral port (the bound one is printed). */
  port: Config.schema(PortOrZero, "SIM_PORT").pipe(Config.withDefault(8700)),
  seed: Config.NonEmptyString("SIM_SEED").pipe(Config.withDefault(defaultWorldOptions.seed)),
  fixtures: count("SIM_FIXTURES", defaultWorldOptions.fixtures),
  live: count("SIM_LIVE", defaultWorldOptions.live),
  mispricings: count("SIM_MISPRICINGS", defaultWorldOptions.mispricings),
  /** The world's "now" (ISO-8601); default: the start time, to the minute. */
  anchor: Config.option(Config.schema(Schema.DateFromString, "SIM_ANCHOR")),
  /** Fault knobs as JSON, same shape as the body of POST /control. */
  faults: Config.schema(FaultSettingsJson, "SIM_FAULTS").pipe(Config.withDefault({}))
})

/** The configuration as options for startSimulator. */
export const simulatorOptions: Config.Config<SimulatorOptions> = Config.map(simulatorConfig, (c) => ({
  host: c.host,
  port: c.port,
  faults: c.faults,
  world: {
    seed: c.seed,
    fixtures: c.fixtures,
    live: c.live,
    mispricings: c.mispricings,
    ...Option.match(c.anchor, { onNone: () => ({}), onSome: (anchor) => ({ anchor }) })
  }
}))
