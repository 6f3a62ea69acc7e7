import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Schema } from "effect"
import { additive, devig, multiplicative, power, shin } from "../../src/mispricing/devig.ts"
import { DevigMethod } from "../../src/mispricing/Settings.ts"

const close = (actual: ReadonlyArray<number>, expected: ReadonlyArray<number>, tolerance = 1e-9) => {
  assert.strictEqual(actual.length, expected.length)
  actual.forEach((a, i) => assert.approximately(a, expected[i]!, tolerance, `outcome ${i}: ${a} vs ${expected[i]}`))
}

// Two-way book 1.80 / 2.10: q = 5/9, 10/21; Σq = 35/63 + 30/63 = 65/63 (margin 3.17 %).
const twoWay = [1.8, 2.1]
// Three-way book 2.00 / 3.40 / 4.00: q = 1/2, 5/17, 1/4 = 34/68, 20/68, 17/68; Σq = 71/68 (margin 4.41 %).
const threeWay = [2.0, 3.4, 4.0]

describe("de-vig on hand-computed books", () => {
  it("multiplicative divides by the book sum", () => {
    close(devig("multiplicative", twoWay), [35 / 65, 30 / 65]) // (35/63)/(65/63) = 7/13, 6/13
    close(devig("multiplicative", threeWay), [34 / 71, 20 / 71, 17 / 71])
  })

  it("additive takes the same share (Σq − 1)/n off every outcome", () => {
    // share = (65/63 − 1)/2 = 1/63 → 34/63, 29/63
    close(devig("additive", twoWay), [34 / 63, 29 / 63])
    // share = (71/68 − 1)/3 = 1/68 → 33/68, 19/68, 16/68
    close(devig("additive", threeWay), [33 / 68, 19 / 68, 16 / 68])
  })

  it("power raises every q to the k with Σq^k = 1", () => {
    // k solved independently by Newton's method on f(k) = Σ q^k − 1, f'(k) = Σ q^k ln q:
    // two-way k = 1.0474390886 → 0.5402783936, 0.4597216064
    close(devig("power", twoWay), [0.5402783936, 0.4597216064])
    // three-way k = 1.0428911977 → 0.4853538369, 0.2790778160, 0.2355683470
    close(devig("power", threeWay), [0.4853538369, 0.2790778160, 0.2355683470])
  })

  it("Shin on two outcomes equals additive (closed form)", () => {
    // With a = q1²/β, b = q2²/β, Σp = 1 means √(z²+4(1−z)a) + √(z²+4(1−z)b) = 2. Writing u for the first root,
    // squaring v = 2 − u gives u = 1 + (1−z)(a − b), hence p1 = (u − z)/(2(1−z)) = (1 + a − b)/2, and since
    // β = q1 + q2, a − b = (q1 − q2)(q1 + q2)/β = q1 − q2: p1 = (1 + q1 − q2)/2, the additive answer 34/63.
    close(devig("shin", twoWay), [34 / 63, 29 / 63])
  })

  it("Shin on three outcomes matches the Jullien–Salanié fixed point", () => {
    // Iterating z ← Σ√(z² + 4(1−z)q²/β) − 2 (the n = 3 case of (Σ√… − 2)/(n − 2)) from z = 0 converges to
    // z = 0.0221096747, giving p = (√(z² + 4(1−z)q²/β) − z)/(2(1−z)) = 0.4836477159, 0.2799872410, 0.2363650431.
    close(devig("shin", threeWay), [0.4836477159, 0.2799872410, 0.2363650431])
  })

  it("a book without margin comes back unchanged from every method", () => {
    const fair = [2, 4, 4] // q = 1/2, 1/4, 1/4
    for (const method of DevigMethod.literals) close(devig(method, fair), [0.5, 0.25, 0.25])
  })
})

// Books of 2 or 3 outcomes with implied probabilities in (0.03, 0.97) and a margin from −5 % to +20 %.
const book = Arbitrary.all([
  Arbitrary.array(Arbitrary.schema(Schema.Finite.check(Schema.isBetween({ minimum: 0.05, maximum: 1 }))), {
    minLength: 2,
    maxLength: 3
  }),
  Arbitrary.schema(Schema.Finite.check(Schema.isBetween({ minimum: -0.05, maximum: 0.2 })))
]).pipe(
  Arbitrary.map(([weights, margin]) => {
    const total = weights.reduce((a, b) => a + b, 0)
    return weights.map((w) => w / total * (1 + margin))
  }),
  Arbitrary.filter((implied) => implied.every((q) => q > 0.03 && q < 0.97))
)

describe("de-vig properties", () => {
  it.prop("every method returns probabilities summing to 1", [book], ([implied]) => {
    for (const f of [multiplicative, additive, power, shin]) {
      const p = f(implied)
      assert.approximately(p.reduce((a, b) => a + b, 0), 1, 1e-9, f.name)
    }
  })

  it.prop("margin-preserving methods keep the favourite first", [book], ([implied]) => {
    for (const f of [multiplicative, power, shin]) {
      const p = f(implied)
      for (let i = 0; i < p.length; i++) {
        for (let j = 0; j < p.length; j++) {
          if (implied[i]! > implied[j]!) assert.isTrue(p[i]! >= p[j]!, `${f.name}: ${implied} → ${p}`)
        }
      }
    }
  })

  it.prop("with a positive margin, power and Shin shift probability from long shots to the favourite", [book], ([implied]) => {
    const total = implied.reduce((a, b) => a + b, 0)
    if (total <= 1.001) return
    const fav = implied.indexOf(Math.max(...implied))
    // The favourite carries less than its proportional share of the margin under both models.
    assert.isTrue(power(implied)[fav]! >= multiplicative(implied)[fav]! - 1e-12)
    assert.isTrue(shin(implied)[fav]! >= multiplicative(implied)[fav]! - 1e-12)
  })
})
