// Time notations read character by character: the same results as Date.parse and toISOString, on the
// edge cases where Date.parse is lenient or strict and on a seeded spread of strings, valid and not.
import { assert, describe, it } from "@effect/vitest"
import { isoOfMillis, parseIsoMillis, parseSpaceSeparatedMillis } from "../../src/bookmakers/instants.ts"

/** What the codecs accepted before: the pattern, then Date.parse. */
const byDateParse = (pattern: RegExp, s: string, asIso: (s: string) => string = (x) => x) => {
  if (!pattern.test(s)) return undefined
  const ms = Date.parse(asIso(s))
  return Number.isFinite(ms) ? ms : undefined
}
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const spacePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const isoByDateParse = (s: string) => byDateParse(isoPattern, s)
const spaceByDateParse = (s: string) => byDateParse(spacePattern, s, (x) => `${x.replace(" ", "T")}Z`)

/** A small deterministic generator (LCG), so a failure names a string that fails again. */
const generator = (seed: number) => {
  let state = seed
  const int = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state % n
  }
  const two = (n: number) => String(int(n)).padStart(2, "0")
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[int(xs.length)]!
  /** One time in five, one character inserted, dropped or the string cut. */
  const damage = (s: string) => {
    if (int(5) > 0) return s
    const at = int(s.length + 1)
    return pick([`${s.slice(0, at)}${pick(["x", "1", " ", "-", ":", "T", "Z", ".", "+"])}${s.slice(at)}`, s.slice(0, at) + s.slice(at + 1), s.slice(0, at)])
  }
  const date = () => `${String(pick([int(10_000), 1970 + int(100), 9999, 0])).padStart(4, "0")}-${two(14)}-${two(34)}`
  return { int, two, pick, damage, date }
}

describe("ISO-8601 date-times", () => {
  it("agree with Date.parse where it is lenient (day 31 of any month, 24:00) and strict", () => {
    for (
      const s of [
        "2024-05-01T20:45:00+02:00",
        "2024-05-01T18:45Z",
        "2024-02-30T00:00:00Z",
        "2023-02-29T12:00:00Z",
        "2024-01-32T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-00-10T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T24:00Z",
        "2024-01-01T24:00:00.001Z",
        "2024-01-01T24:00:00.0001Z",
        "2024-01-01T24:00:00.0000Z",
        "2024-01-01T24:00:01Z",
        "2024-01-01T23:60:00Z",
        "2024-01-01T23:59:60Z",
        "2024-01-01T00:00:00.9999Z",
        "2024-01-01T00:00:00.12Z",
        "2024-01-01T00:00:00.123456789Z",
        "2024-01-01T00:00:00.1234567890Z",
        "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00+23:59",
        "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00-00:00",
        "0000-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "2024-01-01T00:00:00",
        "2024-01-01 00:00:00Z",
        "2024-01-01T00:00:00+0200",
        "2024-01-01T00:00:00z",
        "+02024-01-01T00:00:00Z",
        ""
      ]
    ) assert.strictEqual(parseIsoMillis(s), isoByDateParse(s), s)
  })

  it("agree with Date.parse on a seeded spread of strings", () => {
    const g = generator(20_240_501)
    let valid = 0
    for (let i = 0; i < 30_000; i++) {
      const seconds = g.pick(["", `:${g.two(62)}`, `:${g.two(62)}.${String(g.int(1e9)).slice(0, 1 + g.int(10))}`, ":00", ":00.0001"])
      const zone = g.pick(["Z", "Z", `+${g.two(26)}:${g.two(62)}`, `-${g.two(26)}:${g.two(62)}`, "+02:00", "", "+0200"])
      const s = g.damage(`${g.date()}${g.pick(["T", "T", " "])}${g.two(26)}:${g.two(62)}${seconds}${zone}`)
      const expected = isoByDateParse(s)
      assert.strictEqual(parseIsoMillis(s), expected, s)
      if (expected !== undefined) valid++
    }
    // The spread is worth something only if it holds plenty of both.
    assert.isAbove(valid, 3000)
    assert.isBelow(valid, 27_000)
  })
})

describe("\"YYYY-MM-DD HH:MM:SS\" in UTC", () => {
  it("agrees with Date.parse of the same date-time written with T and Z", () => {
    const g = generator(7)
    let valid = 0
    for (const s of ["2024-05-01 18:45:00", "2024-05-01T18:45:00", "2024-05-01 18:45", "2024-05-01 18:45:00Z", "2024-02-31 24:00:00"]) {
      assert.strictEqual(parseSpaceSeparatedMillis(s), spaceByDateParse(s), s)
    }
    for (let i = 0; i < 20_000; i++) {
      const s = g.damage(`${g.date()} ${g.two(26)}:${g.two(62)}:${g.two(62)}`)
      const expected = spaceByDateParse(s)
      assert.strictEqual(parseSpaceSeparatedMillis(s), expected, s)
      if (expected !== undefined) valid++
    }
    assert.isAbove(valid, 3000)
  })
})

describe("writing ISO-8601 UTC", () => {
  it("writes what toISOString writes, and refuses what it refuses", () => {
    const g = generator(99)
    const instants = [0, -1, 1, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15, 1.5, -1.5]
    for (let i = 0; i < 20_000; i++) instants.push((g.int(2_000_000) - 1_000_000) * 1_000_003 * (1 + g.int(300)))
    for (const ms of instants) assert.strictEqual(isoOfMillis(ms), new Date(ms).toISOString(), String(ms))
    for (const ms of [8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => isoOfMillis(ms), RangeError)
  })
})
