// Price notations: parsing, formatting and round trips, and the wire codecs built on them.
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { AmericanString, EpochSeconds, FractionalString, IsoInstant, SafeId, Score, SpaceSeparatedUtc } from "../../src/bookmakers/codecs.ts"
import {
  formatAmerican,
  formatDecimal,
  formatFractional,
  parseAmerican,
  parseDecimal,
  parseFractional
} from "../../src/bookmakers/prices.ts"

const ladder = Array.from({ length: 400 }, (_, i) => Math.round((1.01 + i * 0.123) * 100) / 100)

describe("fractional prices", () => {
  it("parses fractions and evens", () => {
    assert.strictEqual(parseFractional("5/4"), 2.25)
    assert.strictEqual(parseFractional("1/2"), 1.5)
    assert.strictEqual(parseFractional("100/1"), 101)
    assert.strictEqual(parseFractional("evs"), 2)
    assert.strictEqual(parseFractional(" EVS "), 2)
    assert.strictEqual(parseFractional("Evens"), 2)
  })
  it("rejects what is not a fraction", () => {
    for (const s of ["5/0", "0/1", "5:4", "", "-5/4", "5/4x", "1.5", "5 / 4"]) assert.isUndefined(parseFractional(s), s)
  })
  it("formats the simplest fraction, evens as evs", () => {
    assert.strictEqual(formatFractional(2.25), "5/4")
    assert.strictEqual(formatFractional(2), "evs")
    assert.strictEqual(formatFractional(1.5), "1/2")
    assert.strictEqual(formatFractional(11), "10/1")
    assert.strictEqual(formatFractional(1.8333), "5/6")
    assert.strictEqual(formatFractional(2.37), "137/100")
  })
  it("round-trips a price ladder within 0.5 %", () => {
    for (const d of ladder) {
      const back = parseFractional(formatFractional(d))!
      assert.isTrue(Math.abs(back - d) / d < 0.005, `${d} -> ${formatFractional(d)} -> ${back}`)
    }
  })
})

describe("American prices", () => {
  it("parses plus and minus lines", () => {
    assert.strictEqual(parseAmerican("+150"), 2.5)
    assert.closeTo(parseAmerican("-120")!, 1.83333, 1e-5)
    assert.strictEqual(parseAmerican("+100"), 2)
    assert.strictEqual(parseAmerican("-100"), 2)
    assert.strictEqual(parseAmerican("-200"), 1.5)
  })
  it("rejects what is not an American line", () => {
    for (const s of ["150", "+50", "-99", "+1.5", "", "+", "--120", "+1 50"]) assert.isUndefined(parseAmerican(s), s)
  })
  it("formats underdogs with + and favourites with -", () => {
    assert.strictEqual(formatAmerican(2.5), "+150")
    assert.strictEqual(formatAmerican(1.8333), "-120")
    assert.strictEqual(formatAmerican(2), "+100")
    assert.strictEqual(formatAmerican(1.5), "-200")
  })
  it("round-trips a price ladder within 0.5 %", () => {
    for (const d of ladder) {
      const back = parseAmerican(formatAmerican(d))!
      assert.isTrue(Math.abs(back - d) / d < 0.005, `${d} -> ${formatAmerican(d)} -> ${back}`)
    }
  })
})

describe("decimal prices", () => {
  it("parses plain decimals above 1", () => {
    assert.strictEqual(parseDecimal("2.10"), 2.1)
    assert.strictEqual(parseDecimal("15"), 15)
    for (const s of ["1.00", "0.5", "abc", "1e3", "-2", "", "2,10"]) assert.isUndefined(parseDecimal(s), s)
    assert.strictEqual(formatDecimal(7.5), "7.50")
  })
})

describe("wire codecs", () => {
  const decode = <A>(schema: Schema.ConstraintDecoder<A>, input: unknown) => Schema.decodeUnknownResult(schema)(input)

  it("decode prices and name what they expected", () => {
    assert.deepStrictEqual(decode(FractionalString, "5/4"), Result.succeed(2.25))
    assert.deepStrictEqual(decode(AmericanString, "-200"), Result.succeed(1.5))
    const bad = decode(FractionalString, "five to four")
    assert.isTrue(Result.isFailure(bad))
    if (Result.isFailure(bad)) assert.include(bad.failure.message, "fractional price")
    assert.strictEqual(Schema.encodeSync(AmericanString)(2.5), "+150")
  })

  it("decode times to ISO-8601 UTC and encode them back in the bookmaker's form", () => {
    const beta = IsoInstant(120)
    assert.deepStrictEqual(decode(beta, "2024-05-01T20:45:00+02:00"), Result.succeed("2024-05-01T18:45:00.000Z"))
    assert.deepStrictEqual(decode(beta, "2024-05-01T18:45:00Z"), Result.succeed("2024-05-01T18:45:00.000Z"))
    assert.strictEqual(Schema.encodeSync(beta)("2024-05-01T23:30:00.000Z"), "2024-05-02T01:30:00+02:00")
    assert.strictEqual(Schema.encodeSync(IsoInstant(0))("2024-05-01T23:30:00.000Z"), "2024-05-01T23:30:00Z")
    assert.isTrue(Result.isFailure(decode(beta, "2024-05-01 20:45")))
    assert.isTrue(Result.isFailure(decode(beta, "2024-05-01T20:45:00")))
    assert.deepStrictEqual(decode(EpochSeconds, 1714589100), Result.succeed("2024-05-01T18:45:00.000Z"))
    assert.isTrue(Result.isFailure(decode(EpochSeconds, 1714589100.5)))
    assert.deepStrictEqual(decode(SpaceSeparatedUtc, "2024-05-01 18:45:00"), Result.succeed("2024-05-01T18:45:00.000Z"))
    assert.isTrue(Result.isFailure(decode(SpaceSeparatedUtc, "2024-05-01T18:45:00")))
  })

  it("decode scores and refuse ids that could change a URL", () => {
    assert.deepStrictEqual(decode(Score("-"), "2-1"), Result.succeed({ home: 2, away: 1 }))
    assert.deepStrictEqual(decode(Score(":"), "0:3"), Result.succeed({ home: 0, away: 3 }))
    assert.isTrue(Result.isFailure(decode(Score("-"), "2:1")))
    for (const id of ["abc-123", "A_1:2.3"]) assert.isTrue(Result.isSuccess(decode(SafeId, id)), id)
    for (const id of ["..", ".", "a/b", "a b", "a,b", "a?b", "%2e%2e", "", "x".repeat(65)]) {
      assert.isTrue(Result.isFailure(decode(SafeId, id)), id)
    }
  })
})
