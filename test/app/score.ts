// Scores what `start` reported against the simulator's ground truth: which injected mispricings an
// arbitrage was found for, and which reported opportunities involve none (false positives, by name).
import type { Tracked } from "../../src/mispricing/detector/record.ts"
import type { GroundTruth } from "../../src/simulator/Truth.ts"
import type { Mispricing } from "../../src/simulator/Mispricings.ts"
import { fixtureOfEvent } from "../support/truthEvents.ts"

export interface Score {
  /** Injected mispricings with an arbitrage found on them. */
  readonly found: ReadonlyArray<Mispricing>
  readonly missed: ReadonlyArray<Mispricing>
  /** Reported opportunities that involve no injected mispricing, described. */
  readonly falsePositives: ReadonlyArray<string>
}

export const describeMispricing = (m: Mispricing) => `${m.fixtureId} ${m.bookmaker} ${m.market}:${m.outcome} @${m.price}`

const describe = (t: Tracked, why: string) =>
  `${t.opportunity.kind} on ${t.name ?? t.fixtureKey} (${t.source}) ` +
  `[${t.opportunity.legs.map((l) => `${l.bookmaker} ${l.market}:${l.outcome} @${l.price}`).join(", ")}]: ${why}`

/**
 * An opportunity's fixture is found through its legs' bookmaker event ids. It involves an injected mispricing
 * when that is the fixture's and one of its legs is the mispriced price (an arbitrage built on it, or the value
 * bet on it). Legs of different fixtures (a wrong match) or without a traceable event id are false positives.
 */
export const score = (truth: GroundTruth, reported: Iterable<Tracked>): Score => {
  const fixtureOf = fixtureOfEvent(truth)
  const found = new Set<Mispricing>()
  const falsePositives = new Set<string>()
  for (const t of reported) {
    const legs = t.opportunity.legs
    const fixtures = new Set(legs.map((l) => fixtureOf(l.bookmaker, t.events?.[l.bookmaker])))
    if (fixtures.has(undefined)) {
      falsePositives.add(describe(t, "a leg's event is not in the ground truth"))
      continue
    }
    if (fixtures.size > 1) {
      falsePositives.add(describe(t, `legs on different fixtures ${[...fixtures].join(", ")}`))
      continue
    }
    const [fixtureId] = fixtures
    const involved = truth.mispricings.filter((m) =>
      m.fixtureId === fixtureId && legs.some((l) => l.bookmaker === m.bookmaker && l.market === m.market && l.outcome === m.outcome)
    )
    if (involved.length === 0) falsePositives.add(describe(t, `no injected mispricing on ${fixtureId}`))
    if (t.opportunity.kind === "arbitrage") for (const m of involved) found.add(m)
  }
  return {
    found: truth.mispricings.filter((m) => found.has(m)),
    missed: truth.mispricings.filter((m) => !found.has(m)),
    falsePositives: [...falsePositives]
  }
}
