import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Schema } from "effect"
import { dualBound, equalPayout, type LpLeg, maxMinReturn } from "../../src/mispricing/lp.ts"

const H = 1, D = 2, A = 4
// The six result outcomes: home, draw, away, 1X, 12, X2.
const resultCovers = [H, D, A, H | D, H | A, D | A]

const payouts = (legs: ReadonlyArray<LpLeg>, weights: ReadonlyArray<number>): Array<number> =>
  [0, 1, 2].map((s) => legs.reduce((paid, leg, j) => (leg.cover & (1 << s) ? paid + weights[j]! * leg.price : paid), 0))

describe("maxMinReturn (hand-computed)", () => {
  it("1 vs X2: the two legs that partition the results", () => {
    // legs home 2.2, X2 2.0 → t = 1/(1/2.2 + 1/2) = 22/21; weights ∝ 1/p: (1/2.2)/(21/22) = 10/21, 11/21
    const solution = maxMinReturn([{ cover: H, price: 2.2 }, { cover: D | A, price: 2.0 }], 3)!
    assert.approximately(solution.ret, 22 / 21, 1e-12)
    assert.approximately(solution.weights[0]!, 10 / 21, 1e-12)
    assert.approximately(solution.weights[1]!, 11 / 21, 1e-12)
  })

  it("chooses the best support among all six legs", () => {
    // three_way 2.3/3.6/4.2 (t = 1.0519), double chance 1.3/1.35/2.2 (t = 2/(0.769+0.741+0.455) = 1.0179),
    // 1 vs X2 = 1/(0.434783 + 0.454545) = 1.124444 is the optimum, other legs get no stake.
    const prices = [2.3, 3.6, 4.2, 1.3, 1.35, 2.2]
    const solution = maxMinReturn(resultCovers.map((cover, j) => ({ cover, price: prices[j]! })), 3)!
    assert.approximately(solution.ret, 1 / (1 / 2.3 + 1 / 2.2), 1e-12)
    assert.deepStrictEqual(solution.weights.map((w) => w > 0), [true, false, false, false, false, true])
  })

  it("undefined when the legs cannot cover every state", () => {
    assert.isUndefined(maxMinReturn([{ cover: H, price: 3 }, { cover: H | D, price: 2 }], 3))
    assert.isUndefined(maxMinReturn([], 3))
  })

  it("equalPayout on double chance stakes ∝ 1/p with t = 2/Σ(1/p)", () => {
    // 1/1.6 + 1/1.25 + 1/2 = 1.925 → t = 2/1.925; weights 0.625/1.925, 0.8/1.925, 0.5/1.925
    const solution = equalPayout([{ cover: H | D, price: 1.6 }, { cover: H | A, price: 1.25 }, { cover: D | A, price: 2 }], 3)!
    assert.approximately(solution.ret, 2 / 1.925, 1e-12)
    ;[0.625, 0.8, 0.5].forEach((q, j) => assert.approximately(solution.weights[j]!, q / 1.925, 1e-12))
  })
})

const Price = Schema.Finite.check(Schema.isBetween({ minimum: 1.02, maximum: 12 }))
const distribution3 = () =>
  Arbitrary.all([0, 1, 2].map(() => Arbitrary.schema(Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))))).pipe(
    Arbitrary.filter((w) => w.some((x) => x > 0)),
    Arbitrary.map((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)))
  )

// Any subset of the six result outcomes (bit mask) with random prices.
const resultLegs = Arbitrary.all([
  Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 63 }))),
  Arbitrary.all(resultCovers.map(() => Arbitrary.schema(Price)))
]).pipe(Arbitrary.map(([mask, prices]) =>
  resultCovers.flatMap((cover, j) => (mask & (1 << j) ? [{ cover, price: prices[j]! }] : []))
))

// The dual programme, solved independently: by LP duality the best guaranteed return equals
// min over distributions π of the states of max_j price_j · π(cover_j). That is a convex piecewise-linear
// function on the triangle, so its minimum lies at a corner, at a point of an edge where two pieces are
// equal, or inside where three are equal: evaluate it at every such point and keep the least.
const det3 = (m: ReadonlyArray<ReadonlyArray<number>>) =>
  m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
  m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
  m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!)

/** Solves m·π = b by Cramer's rule; undefined when singular. */
const cramer = (m: ReadonlyArray<ReadonlyArray<number>>, b: ReadonlyArray<number>) => {
  const d = det3(m)
  if (Math.abs(d) < 1e-12) return undefined
  return [0, 1, 2].map((c) => det3(m.map((row, r) => row.map((v, k) => (k === c ? b[r]! : v)))) / d)
}

const dualOptimum = (legs: ReadonlyArray<LpLeg>): number => {
  const row = (leg: LpLeg) => [0, 1, 2].map((s) => (leg.cover & (1 << s) ? leg.price : 0))
  const g = (pi: ReadonlyArray<number>) => Math.max(...legs.map((leg) => row(leg).reduce((a, v, s) => a + v * pi[s]!, 0)))
  const points: Array<ReadonlyArray<number> | undefined> = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
  const ones = [1, 1, 1]
  const unit = (s: number) => [0, 1, 2].map((k) => (k === s ? 1 : 0))
  for (let i = 0; i < legs.length; i++) {
    for (let j = i + 1; j < legs.length; j++) {
      const diff = row(legs[i]!).map((v, s) => v - row(legs[j]!)[s]!)
      for (let zero = 0; zero < 3; zero++) points.push(cramer([ones, diff, unit(zero)], [1, 0, 0]))
      for (let k = j + 1; k < legs.length; k++) {
        points.push(cramer([ones, diff, row(legs[i]!).map((v, s) => v - row(legs[k]!)[s]!)], [1, 0, 0]))
      }
    }
  }
  return Math.min(...points.filter((pi) => pi !== undefined && pi.every((v) => v >= -1e-12)).map((pi) => g(pi!)))
}

describe("maxMinReturn (properties)", () => {
  it.prop("equals the optimum of the dual programme", [resultLegs], ([legs]) => {
    const solution = maxMinReturn(legs, 3)
    if (!solution) return
    assert.approximately(solution.ret, dualOptimum(legs), 1e-9)
  }, { arbitrary: { runs: 500 } })

  it.prop("its weights are a split of 1 and every state pays at least t", [resultLegs], ([legs]) => {
    const solution = maxMinReturn(legs, 3)
    const coversAll = (legs.reduce((m, l) => m | l.cover, 0) & 7) === 7
    assert.strictEqual(solution !== undefined, coversAll)
    if (!solution) return
    assert.approximately(solution.weights.reduce((a, b) => a + b, 0), 1, 1e-9)
    assert.isTrue(solution.weights.every((w) => w >= 0))
    const paid = payouts(legs, solution.weights)
    assert.approximately(Math.min(...paid), solution.ret, 1e-9)
  })

  it.prop(
    "dualBound never falls below t, whatever the distribution (it may rule arbitrage out)",
    [resultLegs, distribution3()],
    ([legs, pi]) => {
      const solution = maxMinReturn(legs, 3)
      if (solution) assert.isTrue(solution.ret <= dualBound(legs, pi) * (1 + 1e-12))
    }
  )

  it.prop(
    "t is at least every single market's equal-payout return",
    [Arbitrary.all(resultCovers.map(() => Arbitrary.schema(Price)))],
    ([prices]) => {
      const legs = resultCovers.map((cover, j) => ({ cover, price: prices[j]! }))
      const solution = maxMinReturn(legs, 3)!
      const threeWay = equalPayout(legs.slice(0, 3), 3)!
      const doubleChance = equalPayout(legs.slice(3), 3)!
      assert.isTrue(solution.ret >= threeWay.ret * (1 - 1e-12), `${solution.ret} < three_way ${threeWay.ret}`)
      assert.isTrue(solution.ret >= doubleChance.ret * (1 - 1e-12), `${solution.ret} < double chance ${doubleChance.ret}`)
      // and every two-leg partition (1 vs X2, X vs 12, 2 vs 1X)
      for (const [single, pair] of [[0, 5], [1, 4], [2, 3]] as const) {
        assert.isTrue(solution.ret >= (1 / (1 / prices[single]! + 1 / prices[pair]!)) * (1 - 1e-12))
      }
    }
  )
})
