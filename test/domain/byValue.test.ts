import { assert, describe, it } from "@effect/vitest"
import { byValue } from "../../src/domain/byValue.ts"

/** A function that counts its calls: `null` for what is not a number. */
const counting = () => {
  const calls: Array<string> = []
  const decode = (value: string): number | null => {
    calls.push(value)
    const n = Number(value)
    return Number.isNaN(n) ? null : n
  }
  return { calls, decode }
}

describe("byValue", () => {
  it("computes a value once, and keeps a null result as such", () => {
    const { calls, decode } = counting()
    const cache = byValue(decode, { maxEntries: 10, maxLength: 100 })
    assert.deepStrictEqual(["1", "x", "1", "x", "2"].map(cache.get), [1, null, 1, null, 2])
    assert.deepStrictEqual(calls, ["1", "x", "2"])
  })

  it("takes what a value gives from `keep` without computing it", () => {
    const { calls, decode } = counting()
    const cache = byValue(decode, { maxEntries: 10, maxLength: 100 })
    cache.keep("seven", 7)
    assert.strictEqual(cache.get("seven"), 7)
    assert.deepStrictEqual(calls, [])
  })

  it("computes values over maxLength every time", () => {
    const { calls, decode } = counting()
    const cache = byValue(decode, { maxEntries: 10, maxLength: 3 })
    const long = "12345"
    assert.deepStrictEqual([cache.get(long), cache.get(long)], [12345, 12345])
    assert.deepStrictEqual(calls, [long, long])
  })

  it("starts again once maxEntries values are kept", () => {
    const { calls, decode } = counting()
    const cache = byValue(decode, { maxEntries: 2, maxLength: 100 })
    for (const v of ["1", "2", "3", "1", "3"]) cache.get(v)
    // "3" found the cache full (1, 2) and emptied it: "1" is computed again, "3" is kept.
    assert.deepStrictEqual(calls, ["1", "2", "3", "1"])
  })
})
