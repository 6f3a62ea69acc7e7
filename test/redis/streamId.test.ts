import { assert, describe, it } from "@effect/vitest"
import { capError, compareIds, formatId, maxId, nextId, parseId, parseRangeBound, successor } from "../../src/redis/streamId.ts"

describe("stream ids", () => {
  it("parses ms-seq and ms alone; rejects anything else", () => {
    assert.deepStrictEqual(parseId("1700000000000-7"), { ms: 1700000000000, seq: 7 })
    assert.deepStrictEqual(parseId("12"), { ms: 12, seq: 0 })
    assert.deepStrictEqual(parseId("12", 99), { ms: 12, seq: 99 })
    assert.deepStrictEqual(parseId("-"), { ms: 0, seq: 0 })
    assert.deepStrictEqual(parseId("+"), maxId)
    for (const bad of ["", "a", "1-", "-1", "1-2-3", "1.5", " 1", "1-x", "99999999999999999"]) {
      assert.isUndefined(parseId(bad), bad)
    }
  })

  it("orders by ms, then seq", () => {
    assert.isBelow(compareIds({ ms: 1, seq: 9 }, { ms: 2, seq: 0 }), 0)
    assert.isAbove(compareIds({ ms: 2, seq: 1 }, { ms: 2, seq: 0 }), 0)
    assert.strictEqual(compareIds({ ms: 2, seq: 1 }, { ms: 2, seq: 1 }), 0)
  })

  it("generates like XADD *: the clock when ahead, else last ms with seq + 1", () => {
    assert.deepStrictEqual(nextId({ ms: 0, seq: 0 }, 0), { ms: 0, seq: 1 })
    assert.deepStrictEqual(nextId({ ms: 5, seq: 3 }, 9), { ms: 9, seq: 0 })
    assert.deepStrictEqual(nextId({ ms: 5, seq: 3 }, 5), { ms: 5, seq: 4 })
    assert.deepStrictEqual(nextId({ ms: 5, seq: 3 }, 2), { ms: 5, seq: 4 }) // clock went back
    assert.strictEqual(formatId(successor({ ms: 5, seq: 3 })), "5-4")
  })

  it("range bounds: inclusive, exclusive with (, partial ids fill seq by side", () => {
    assert.deepStrictEqual(parseRangeBound("5", "start"), { ms: 5, seq: 0 })
    assert.deepStrictEqual(parseRangeBound("5", "end"), { ms: 5, seq: maxId.seq })
    assert.deepStrictEqual(parseRangeBound("(5-3", "start"), { ms: 5, seq: 4 })
    assert.deepStrictEqual(parseRangeBound("(5-3", "end"), { ms: 5, seq: 2 })
    assert.deepStrictEqual(parseRangeBound("(5-0", "end"), { ms: 4, seq: maxId.seq })
    assert.isUndefined(parseRangeBound("(x", "start"))
  })

  it("caps: MAXLEN a non-negative integer, MINID a valid id", () => {
    assert.isUndefined(capError(undefined))
    assert.isUndefined(capError({ maxLen: 0 }))
    assert.isUndefined(capError({ minId: "5-1" }))
    assert.match(capError({ maxLen: -1 }) ?? "", /^ERR value is not an integer/)
    assert.match(capError({ maxLen: 1.5 }) ?? "", /^ERR value is not an integer/)
    assert.match(capError({ minId: "nope" }) ?? "", /^ERR Invalid stream ID/)
  })
})
