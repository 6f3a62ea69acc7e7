// The dead letter and the publication the worker writes, as commands.
import { assert, describe, it } from "@effect/vitest"
import { clip, deadLetter, publication } from "../../src/pipeline/outputs.ts"

const now = Date.parse("2025-06-01T12:00:00.000Z")

describe("deadLetter", () => {
  it("copies the original fields, even hostile ones, and adds id, reason and time", () => {
    const fields = JSON.parse(`{"__proto__":"x","bookmaker":"BookieAlpha","dead_id":"forged"}`) as Record<string, string>
    const command = deadLetter("jobs", { stream: "jobs", id: "7-0", fields }, "undecodable job: …", now, { maxLen: 10 })
    assert.strictEqual(command.op, "xadd")
    if (command.op !== "xadd") return
    assert.strictEqual(command.stream, "jobs:dead")
    assert.deepStrictEqual(command.cap, { maxLen: 10 })
    assert.deepStrictEqual(Object.entries(command.fields), [
      ["__proto__", "x"],
      ["bookmaker", "BookieAlpha"],
      ["dead_id", "7-0"], // ours wins over a forged one
      ["dead_reason", "undecodable job: …"],
      ["dead_at", "2025-06-01T12:00:00.000Z"]
    ])
    assert.strictEqual(Object.getPrototypeOf(command.fields), Object.prototype)
  })

  it("clips huge values and keeps at most 16 original fields", () => {
    const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, "y".repeat(5_000)]))
    const command = deadLetter("jobs", { stream: "jobs", id: "1-0", fields }, "r".repeat(9_000), now, { maxLen: 10 })
    if (command.op !== "xadd") return assert.fail("not an xadd")
    assert.strictEqual(Object.keys(command.fields).filter((k) => k.startsWith("f")).length, 16)
    assert.isTrue(Object.values(command.fields).every((v) => v.length < 1_100))
    assert.match(command.fields.dead_reason!, /…\(7976 more chars\)$/)
  })
})

describe("clip", () => {
  it("leaves short text alone", () => {
    assert.strictEqual(clip("abc", 3), "abc")
    assert.strictEqual(clip("abcd", 3), "abc…(1 more chars)")
  })
})

describe("publication", () => {
  it("publishes once per signature, while still the period's last writer, with the entry, bookmakers, period and enqueue time", () => {
    const match = {
      entryKey: "entry:live:btts:f1",
      source: "live" as const,
      market: "btts" as const,
      streamDate: "live",
      bookmakers: ["BookieAlpha", "BookieDelta"] as const,
      signature: "sig"
    }
    const command = publication(match, now, now - 1_500, { maxLen: 100 }, "worker-1/batch-7")
    assert.deepStrictEqual(command, {
      op: "publishOnce",
      key: "entry:live:btts:f1",
      sigField: "published_sig",
      sig: "sig",
      also: { bookie_updated: "2025-06-01T12:00:00.000Z" },
      onlyIf: { field: "written_by:live", value: "worker-1/batch-7" },
      stream: "live_btts-matched_stream",
      fields: {
        data_key: "entry:live:btts:f1",
        bookmakers: "BookieAlpha,BookieDelta",
        stream_date: "live",
        enqueued_at: "2025-06-01T11:59:58.500Z"
      },
      cap: { maxLen: 100 }
    })
  })
})
