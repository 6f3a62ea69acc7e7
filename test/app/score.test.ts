// The oracle of the correctness test: opportunities traced to the ground truth through the legs' event ids.
import { assert, describe, it } from "@effect/vitest"
import { type Tracked, track } from "../../src/mispricing/detector/record.ts"
import type { Opportunity } from "../../src/mispricing/Opportunity.ts"
import type { GroundTruth } from "../../src/simulator/Truth.ts"
import { score } from "./score.ts"

const listing = (bookmaker: "BookieAlpha" | "BookieBeta" | "BookieGamma", eventId: string) =>
  ({ bookmaker, eventId, home: "H", away: "A", kickoff: "2025-06-01T18:00:00.000Z", league: "L", markets: [] })

const fixture = (fixtureId: string, prefix: string) => ({
  fixtureId, league: "L", country: "C", kind: "senior" as const, home: "H", away: "A", kickoff: "2025-06-01T18:00:00.000Z",
  listings: [listing("BookieAlpha", `${prefix}a`), listing("BookieBeta", `${prefix}b`), listing("BookieGamma", `${prefix}g`)]
})

const injected = {
  kind: "arbitrage" as const, fixtureId: "fx-1", bookmaker: "BookieBeta" as const, eventId: "1b", market: "btts" as const,
  outcome: "yes" as const, price: 2.5, fairPrice: 2.2, roi: 0.05, legs: []
}

const truth: GroundTruth = {
  seed: "s", anchor: "2025-06-01T12:00:00.000Z", margins: {} as GroundTruth["margins"],
  fixtures: [fixture("fx-1", "1"), fixture("fx-2", "2")],
  mispricings: [injected, { ...injected, fixtureId: "fx-2", eventId: "2b" }]
}

const leg = (bookmaker: string, outcome: "yes" | "no") => ({ bookmaker, market: "btts" as const, outcome, price: 2, stake: 50, fetchedAt: 0 })

const opportunity = (kind: "arbitrage" | "value", legs: ReturnType<typeof leg>[], events: Record<string, string>): Tracked => {
  const common = { id: `${kind}-${JSON.stringify(legs)}`, signature: "s", fixture: "f", markets: ["btts" as const], legs }
  const o: Opportunity = kind === "arbitrage"
    ? { ...common, kind, roi: 0.05, staked: 100, payouts: {}, profit: 5 }
    : { ...common, kind, edge: 0.1, probability: 0.5, reference: "consensus" }
  return track(o, { source: "upcoming", fixtureKey: "k", name: "H v A", events }, 0)
}

describe("score", () => {
  it("an arbitrage with the injected leg finds it; a value bet on that leg involves it without finding it", () => {
    const arb = opportunity("arbitrage", [leg("BookieBeta", "yes"), leg("BookieAlpha", "no")], { BookieBeta: "1b", BookieAlpha: "1a" })
    const valueOnIt = opportunity("value", [leg("BookieBeta", "yes")], { BookieBeta: "2b" })
    const result = score(truth, [arb, valueOnIt])
    assert.deepStrictEqual(result.found.map((m) => m.fixtureId), ["fx-1"])
    assert.deepStrictEqual(result.missed.map((m) => m.fixtureId), ["fx-2"])
    assert.deepStrictEqual(result.falsePositives, [])
  })

  it("anything else is a false positive, named", () => {
    const otherLeg = opportunity("value", [leg("BookieAlpha", "no")], { BookieAlpha: "1a" })
    const sameLegOtherFixture = opportunity("arbitrage", [leg("BookieBeta", "yes"), leg("BookieAlpha", "no")], { BookieBeta: "2b", BookieAlpha: "1a" })
    const untraceable = opportunity("value", [leg("BookieGamma", "yes")], {})
    const result = score(truth, [otherLeg, sameLegOtherFixture, untraceable])
    assert.deepStrictEqual(result.found, [])
    assert.deepStrictEqual(result.falsePositives, [
      "value on H v A (upcoming) [BookieAlpha btts:no @2]: no injected mispricing on fx-1",
      "arbitrage on H v A (upcoming) [BookieBeta btts:yes @2, BookieAlpha btts:no @2]: legs on different fixtures fx-2, fx-1",
      "value on H v A (upcoming) [BookieGamma btts:yes @2]: a leg's event is not in the ground truth"
    ])
  })
})
