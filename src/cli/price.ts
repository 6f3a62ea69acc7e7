// `node dist/main.js price [flags] < quotes.jsonl`: prices quotes given as JSON lines on stdin, without Redis,
// and prints one JSON line per opportunity. A bad line is reported on stderr with its number and skipped;
// the exit status is 1 when any line was bad. Each flag falls back to its PRICE_* variable, then its default.
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Result, Schema, Stdio, Stream } from "effect"
import type { Config } from "effect"
import { Command, Flag } from "effect/cli"
import { settingConfig, settingEnv } from "../mispricing/PricingConfig.ts"
import { priceQuotes, type FixtureQuote } from "../mispricing/priceQuotes.ts"
import { noRejections, rejectionReasons } from "../mispricing/priceFixture.ts"
import { opportunityLine, parseQuoteLine } from "../mispricing/QuoteLine.ts"
import {
  CommissionFromString,
  DevigMethod,
  FractionFromString,
  MillisFromString,
  PositiveFromString,
  ReferenceFromString,
  type Settings
} from "../mispricing/Settings.ts"
import { errorsToStderr } from "./errorsToStderr.ts"
import { runCommand } from "./run.ts"

const setting = <K extends keyof Settings>(
  key: K,
  name: string,
  flag: Flag.Flag<Settings[K]>,
  description: string
): Flag.Flag<Settings[K]> =>
  flag.pipe(
    Flag.withFallbackConfig(settingConfig[key] as Config.Config<Settings[K]>),
    Flag.withDescription(`${description} (env ${settingEnv[key]})`),
    Flag.withMetavar(name)
  )

const textFlag = <A>(name: string, schema: Schema.Codec<A, string>) => Flag.String(name).pipe(Flag.withSchema(schema))

const flags = {
  bankroll: setting(
    "bankroll",
    "amount",
    textFlag("bankroll", PositiveFromString),
    "total staked on an arbitrage, Kelly base for a value bet; default 100"
  ),
  unit: setting("unit", "amount", textFlag("unit", PositiveFromString), "stakes are rounded to multiples of this; default 0.01"),
  freshnessMs: setting(
    "freshnessMs",
    "duration",
    textFlag("freshness", MillisFromString),
    "a quote older than this before the newest fetched_at is stale (seconds, or e.g. \"2 minutes\"); default 60"
  ),
  maxSpreadMs: setting(
    "maxSpreadMs",
    "duration",
    textFlag("max-spread", MillisFromString),
    "an opportunity's legs must be fetched within this of each other; default 30"
  ),
  roiCap: setting(
    "roiCap",
    "fraction",
    textFlag("roi-cap", FractionFromString),
    "a return above this is too good to be true and rejected; default 0.25"
  ),
  valueEdge: setting(
    "valueEdge",
    "fraction",
    textFlag("value-edge", FractionFromString),
    "a price is value when p·price − 1 exceeds this; default 0.02"
  ),
  reference: setting(
    "reference",
    "name",
    textFlag("reference", ReferenceFromString),
    "fair probabilities from \"consensus\" (the other bookmakers) or one bookmaker; default consensus"
  ),
  devig: setting(
    "devig",
    "method",
    Flag.Literals("devig", DevigMethod.literals),
    "how the reference's margin is removed; default multiplicative"
  ),
  commission: setting(
    "commission",
    "rates",
    textFlag("commission", CommissionFromString),
    "commission on net winnings, e.g. BookieAlpha=0.02,BookieBeta=0.05; default none"
  )
}

const readQuotes = Effect.fn("price.readQuotes")(function*() {
  const stdio = yield* Stdio.Stdio
  const quotes: Array<FixtureQuote> = []
  let lineNumber = 0
  let bad = 0
  yield* stdio.stdin.pipe(
    Stream.decodeText,
    Stream.splitLines,
    Stream.runForEach((line) => {
      lineNumber++
      if (line.trim() === "") return Effect.void
      const parsed = parseQuoteLine(line)
      if (Result.isSuccess(parsed)) {
        quotes.push(parsed.success)
        return Effect.void
      }
      bad++
      return Console.error(`line ${lineNumber}: ${parsed.failure}`)
    })
  )
  return { quotes, bad }
})

const price = Command.make("price", flags, Effect.fnUntraced(function*(settings: Settings) {
  const { quotes, bad } = yield* readQuotes()
  const priced = priceQuotes(quotes, settings)
  const rejections = noRejections()
  let found = 0
  for (const fixture of priced) {
    for (const opportunity of fixture.opportunities) {
      found++
      yield* Console.log(opportunityLine(opportunity))
    }
    for (const reason of rejectionReasons) rejections[reason] += fixture.rejections[reason]
  }
  yield* Console.error(
    `priced ${quotes.length} quotes on ${priced.length} fixtures: ${found} opportunities; rejected ` +
      rejectionReasons.map((r) => `${r} ${rejections[r]}`).join(", ") +
      (bad > 0 ? `; ${bad} bad lines` : "")
  )
  if (bad > 0) yield* Effect.sync(() => (process.exitCode = 1))
}))


// argv: node main.js price [flags…]; the command name itself is not an argument of the command.
runCommand(
  Command.runWith(price, { version: "0.1.0" })(process.argv.slice(3)).pipe(
    Effect.provide([NodeServices.layer, errorsToStderr("price")]) // stdout carries only opportunities
  )
)
