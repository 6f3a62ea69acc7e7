// The matching evaluation: pairwise scoring on a hand-made case, and the bar on a small seeded world.
import { describe, expect, it } from "@effect/vitest"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"
import { pairwiseScore } from "../../src/matching/resolver/scoring.ts"
import { bar, evaluateWorld } from "../../scripts/eval-matching.ts"
import { lexicon } from "./resolverSupport.ts"

describe("pairwiseScore", () => {
  it("counts pairs: same key vs same fixture", () => {
    // Fixture X listed 3 times, Y twice, Z once. Keys: X split 2+1, Y joined with Z.
    const score = pairwiseScore([
      { key: "k1", truth: "X", label: "x1" },
      { key: "k1", truth: "X", label: "x2" },
      { key: "k2", truth: "X", label: "x3" },
      { key: "k3", truth: "Y", label: "y1" },
      { key: "k3", truth: "Y", label: "y2" },
      { key: "k3", truth: "Z", label: "z1" }
    ])
    // predicted pairs: k1 → 1, k3 → 3; true pairs: X → 3, Y → 1; correct: (x1,x2), (y1,y2).
    expect(score).toMatchObject({ listings: 6, predictedPairs: 4, truePairs: 4, correctPairs: 2, precision: 0.5, recall: 0.5 })
    expect(score.misses).toEqual([{ truth: "X", groups: [["x1", "x2"], ["x3"]] }])
    expect(score.falseJoins).toEqual([{ key: "k3", groups: [["y1", "y2"], ["z1"]] }])
  })

  it("is perfect on a perfect assignment, and 1/1 when there is nothing to pair", () => {
    const perfect = pairwiseScore([
      { key: "a", truth: "X", label: "1" },
      { key: "a", truth: "X", label: "2" },
      { key: "b", truth: "Y", label: "3" }
    ])
    expect([perfect.precision, perfect.recall, perfect.misses.length, perfect.falseJoins.length]).toEqual([1, 1, 0, 0])
    expect(pairwiseScore([]).precision).toBe(1)
  })
})

describe("resolver on the simulator's ground truth", () => {
  it("clears the bar on a small seeded world, with stable keys, in order and shuffled", () => {
    const result = evaluateWorld(
      { seed: "resolver-test", anchor: new Date("2026-11-28T09:30:00Z"), fixtures: 150, live: 10, mispricings: 0 },
      lexicon,
      defaultSettings,
      1
    )
    expect(result.score.listings).toBeGreaterThan(400)
    expect(result.score.truePairs).toBeGreaterThan(500)
    for (const { score } of [result, ...result.orders]) {
      expect(score.precision).toBeGreaterThanOrEqual(bar.precision)
      expect(score.recall).toBeGreaterThanOrEqual(bar.recall)
    }
    expect(result.orders).toHaveLength(1)
    expect(result.orders[0]!.versusInOrder.listings).toBe(result.score.listings)
    expect(result.unstable).toBe(0)
  })
})
