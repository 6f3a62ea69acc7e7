// The entry hash's marks: written with each quote, read back with HMGET, decoded once per value.
import { assert, describe, it } from "@effect/vitest"
import { entryCommands, makeStoredReader, markField, type Placed } from "../../src/pipeline/entryHash.ts"
import { job, kickoff, quoteFor } from "./support.ts"

const placed = (bookmaker: "BookieAlpha" | "BookieBeta", home: string, jobId: string): Placed => {
  const j = { ...job(bookmaker), bookmaker }
  const quote = quoteFor(bookmaker, j, { home, away: "Away" }, "2026-11-28T10:00:00.000Z")
  return { entryKey: `upcoming_btts:${home}`, fixtureKey: home, quote, job: j, jobId, enqueuedAt: 0 }
}

describe("entryCommands", () => {
  it("one HSET per entry with each quote and its mark, the fixture once, then one HMGET of every bookmaker's mark", () => {
    const out = entryCommands(
      [placed("BookieAlpha", "Ajax", "s/1-0"), placed("BookieBeta", "Ajax", "s/2-0"), placed("BookieAlpha", "PSV", "s/1-0")],
      "w1",
      60,
      (key) => key.endsWith("PSV")
    )
    assert.deepStrictEqual(out.commands.map((c) => [c.op, "key" in c ? c.key : ""]), [
      ["hset", "upcoming_btts:Ajax"],
      ["hset", "upcoming_btts:PSV"],
      ["expire", "upcoming_btts:PSV"],
      ["hmget", "upcoming_btts:Ajax"],
      ["hmget", "upcoming_btts:PSV"]
    ])
    const hset = out.commands[0]!
    assert(hset.op === "hset")
    assert.deepStrictEqual(Object.keys(hset.fields).sort(), [
      "BookieAlpha", "BookieBeta", "fixture", "mark:BookieAlpha", "mark:BookieBeta", "written_by:0"
    ])
    assert.deepStrictEqual(JSON.parse(hset.fields["mark:BookieBeta"]!), ["2026-11-28T10:00:00.000Z", "0", "s/2-0"])
    assert.strictEqual(JSON.parse(hset.fields.fixture!).kickoff, kickoff)
    const hmget = out.commands[3]!
    assert(hmget.op === "hmget")
    assert.deepStrictEqual(hmget.fields, ["mark:BookieAlpha", "mark:BookieBeta", "mark:BookieGamma", "mark:BookieDelta"])
    assert.deepStrictEqual(out.readsFrom, 3)
    assert.deepStrictEqual(out.writes.map((w) => [w.key, w.at, w.fields, w.expires]), [
      ["upcoming_btts:Ajax", 0, 6, false],
      ["upcoming_btts:PSV", 1, 4, true]
    ])
  })
})

describe("makeStoredReader", () => {
  const entry = { key: "upcoming_btts:Ajax", source: "upcoming", market: "btts" } as const

  it("turns each bookmaker's mark into an observation of the entry; missing marks are absent", () => {
    const reader = makeStoredReader()
    const { invalid, observations } = reader.read(entry, [null, JSON.stringify(["2026-11-28T10:00:00.000Z", "2", "s/9-0"]), null, null])
    assert.deepStrictEqual(invalid, [])
    assert.deepStrictEqual(observations, [{
      entryKey: entry.key,
      source: "upcoming",
      market: "btts",
      streamDate: "2",
      bookmaker: "BookieBeta",
      fetchedAt: "2026-11-28T10:00:00.000Z",
      jobId: "s/9-0"
    }])
  })

  it("skips and names marks that do not decode, every time they are read", () => {
    const reader = makeStoredReader()
    const values = ["not json", JSON.stringify(["a", "b"]), JSON.stringify([1, 2, 3]), JSON.stringify(["t", "0", "j"])]
    for (let n = 0; n < 2; n++) {
      const { invalid, observations } = reader.read(entry, values)
      assert.deepStrictEqual(invalid, [markField("BookieAlpha"), markField("BookieBeta"), markField("BookieGamma")])
      assert.deepStrictEqual(observations.map((o) => o.bookmaker), ["BookieDelta"])
    }
  })

  it("remembered marks are not decoded again, and the cache is bounded", () => {
    const reader = makeStoredReader(2)
    const value = "remembered, not JSON"
    reader.remember([[value, ["t", "1", "j"]]])
    assert.deepStrictEqual(reader.read(entry, [value, null, null, null]).observations.map((o) => o.jobId), ["j"])
    reader.remember([["x", ["t", "1", "x"]], ["y", ["t", "1", "y"]]]) // over the bound: the cache starts again
    assert.deepStrictEqual(reader.read(entry, [value, null, null, null]).invalid, [markField("BookieAlpha")])
  })
})
