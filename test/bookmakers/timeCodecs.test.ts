// The time notations keep the readings of the values they have seen (codecs.ts): whatever order checks and
// reads come in, each value reads as it would alone, a value refused stays refused, and past the bound on
// kept readings values still read right.
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  EpochSecondsWire,
  type EpochSecondsWire as EpochSecondsWireType,
  IsoInstantWire,
  type IsoInstantWire as IsoInstantWireType,
  readEpochSeconds,
  readIsoInstant,
  readSpaceSeparatedUtc,
  SpaceSeparatedUtcWire,
  type SpaceSeparatedUtcWire as SpaceSeparatedUtcWireType
} from "../../src/bookmakers/codecs.ts"
import { isDateMillis, isoOfMillis, parseIsoMillis } from "../../src/bookmakers/instants.ts"

const isIso = Schema.is(IsoInstantWire)
const isSpace = Schema.is(SpaceSeparatedUtcWire)
const isEpoch = Schema.is(EpochSecondsWire)
const iso = (s: string) => readIsoInstant(s as IsoInstantWireType)

describe("time notations read in any order", () => {
  it("a read after the check of another value gives its own instant", () => {
    assert.isTrue(isIso("2024-05-01T20:45:00+02:00"))
    assert.strictEqual(iso("2024-05-01T20:45:00+02:00"), "2024-05-01T18:45:00.000Z")
    assert.isTrue(isIso("2024-05-01T18:45:00Z"))
    assert.strictEqual(iso("2024-12-31T23:59:59.5-01:30"), "2025-01-01T01:29:59.500Z")
    assert.strictEqual(iso("2024-05-01T18:45:00Z"), "2024-05-01T18:45:00.000Z")
  })

  it("a refused value stays refused, before and after valid ones, and does not change their reading", () => {
    for (const s of ["2024-02-30T25:00:00Z", "2024-05-01T18:45:00", "", "2024-05-01T18:45:00Z", "2024-05-01T18:45:00Z"]) {
      assert.strictEqual(isIso(s), s === "2024-05-01T18:45:00Z", s)
    }
    assert.isFalse(isIso("2024-05-01T18:45:00+24:00"))
    assert.strictEqual(iso("2024-05-01T18:45:00Z"), "2024-05-01T18:45:00.000Z")
    assert.isFalse(isIso("2024-05-01T18:45:00+24:00"))
    // The time zone is part of the value: the same local time with another offset is another instant.
    assert.isTrue(isIso("2024-05-01T18:45:00-02:00"))
    assert.strictEqual(iso("2024-05-01T18:45:00-02:00"), "2024-05-01T20:45:00.000Z")
    assert.strictEqual(iso("2024-05-01T18:45:00+02:00"), "2024-05-01T16:45:00.000Z")
  })

  it("each notation keeps its own readings", () => {
    assert.isTrue(isSpace("2024-05-01 18:45:00"))
    assert.isFalse(isIso("2024-05-01 18:45:00"))
    assert.strictEqual(readSpaceSeparatedUtc("2024-05-01 18:45:00" as SpaceSeparatedUtcWireType), "2024-05-01T18:45:00.000Z")
    assert.isFalse(isSpace("2024-05-01T18:45:00Z"))
    assert.isTrue(isIso("2024-05-01T18:45:00Z"))
    assert.isFalse(isSpace("2024-05-01 18:45:00Z"))
    assert.strictEqual(readSpaceSeparatedUtc("2024-05-01 00:00:00" as SpaceSeparatedUtcWireType), "2024-05-01T00:00:00.000Z")
  })

  it("epoch seconds: integers a Date can hold, read after others and after refusals", () => {
    assert.isTrue(isEpoch(1714589100))
    assert.isFalse(isEpoch(8.64e12 + 1))
    assert.isFalse(isEpoch(1714589100.5))
    assert.isTrue(isEpoch(-1))
    assert.strictEqual(readEpochSeconds(1714589100 as EpochSecondsWireType), "2024-05-01T18:45:00.000Z")
    assert.strictEqual(readEpochSeconds(-1 as EpochSecondsWireType), "1969-12-31T23:59:59.000Z")
    assert.isTrue(isEpoch(8.64e12))
    assert.strictEqual(readEpochSeconds(8.64e12 as EpochSecondsWireType), "+275760-09-13T00:00:00.000Z")
  })

  it("a seeded sequence of checks and reads over repeated values agrees with parsing each value afresh", () => {
    const pool = [
      "2024-05-01T20:45:00+02:00", "2024-05-01T18:45:00Z", "2024-05-01T18:45Z", "2024-05-01T18:45:00.123Z",
      "2024-05-01T18:45:00-00:30", "2024-02-29T24:00:00Z", "2023-02-29T12:00:00Z", "2024-05-01T18:60:00Z",
      "2024-05-01 18:45:00", "+275760-09-13T00:00:00Z", "275760-09-13T00:00:00Z", "9999-12-31T23:59:59+23:59"
    ]
    const fresh = (s: string) => {
      const ms = parseIsoMillis(s)
      return ms !== undefined && isDateMillis(ms) ? isoOfMillis(ms) : undefined
    }
    let state = 42
    const int = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      // The high bits: the low ones of this generator repeat with a short period.
      return Math.floor(state / 65_536) % n
    }
    let reads = 0
    for (let i = 0; i < 5000; i++) {
      const s = pool[int(pool.length)]!
      const expected = fresh(s)
      if (int(2) === 0) assert.strictEqual(isIso(s), expected !== undefined, s)
      else if (expected !== undefined) {
        assert.strictEqual(iso(s), expected, s)
        reads++
      }
    }
    assert.isAbove(reads, 1000)
  })

  it("values read right past the bound on kept readings, and one read before still reads the same", () => {
    const first = "2024-05-01T18:45:00+01:00"
    assert.strictEqual(iso(first), "2024-05-01T17:45:00.000Z")
    for (let i = 0; i < 10_000; i++) {
      const ms = Date.UTC(2024, 0, 1) + i * 60_000
      const s = new Date(ms).toISOString()
      assert.isTrue(isIso(s), s)
      assert.strictEqual(iso(s), new Date(ms).toISOString(), s)
    }
    assert.strictEqual(iso(first), "2024-05-01T17:45:00.000Z")
    assert.isFalse(isIso("2024-05-01T18:45:00+01:61"))
  })
})
