import { assert, describe, it } from "@effect/vitest"
import type { Bookmaker, Market } from "../../src/domain/Market.ts"
import { fold, type FoldInput, type Observation } from "../../src/matching/fold.ts"

const now = Date.parse("2025-06-01T12:00:00.000Z")
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString()

const obs = (
  bookmaker: Bookmaker,
  options: { entry?: string; market?: Market; streamDate?: string; age?: number; jobId?: string } = {}
): Observation => ({
  entryKey: options.entry ?? "entry:upcoming:btts:f1",
  source: "upcoming",
  market: options.market ?? "btts",
  streamDate: options.streamDate ?? "0",
  bookmaker,
  fetchedAt: minutesAgo(options.age ?? 0),
  jobId: options.jobId ?? `jobs/${bookmaker}-1`
})

const storedOf = (...observations: ReadonlyArray<Observation>) => {
  const map = new Map<string, Array<Observation>>()
  for (const o of observations) map.set(o.entryKey, [...(map.get(o.entryKey) ?? []), o])
  return map
}

const run = (batch: ReadonlyArray<Observation>, overrides: Partial<FoldInput> = {}) =>
  fold({ batch, stored: new Map(), now, freshnessMs: { live: 5 * 60_000, upcoming: 5 * 60_000 }, thresholds: { btts: 2, other: 3 }, ...overrides })

describe("fold", () => {
  it("an empty batch matches nothing, whatever is stored", () => {
    assert.deepStrictEqual(run([], { stored: storedOf(obs("BookieAlpha"), obs("BookieBeta")) }), [])
  })

  it("a single bookmaker never reaches a threshold of two", () => {
    assert.deepStrictEqual(run([obs("BookieAlpha")]), [])
  })

  it("btts needs MATCH_MIN_BTTS distinct bookmakers, other markets MATCH_MIN", () => {
    const btts = run([obs("BookieAlpha"), obs("BookieBeta")])
    assert.deepStrictEqual(btts.map((m) => [m.entryKey, m.bookmakers]), [["entry:upcoming:btts:f1", ["BookieAlpha", "BookieBeta"]]])

    const e = "entry:upcoming:three_way:f1"
    assert.deepStrictEqual(run([obs("BookieAlpha", { entry: e, market: "three_way" }), obs("BookieBeta", { entry: e, market: "three_way" })]), [])
    const three = run(["BookieAlpha", "BookieBeta", "BookieGamma"].map((b) => obs(b as Bookmaker, { entry: e, market: "three_way" })))
    assert.deepStrictEqual(three.map((m) => m.bookmakers), [["BookieAlpha", "BookieBeta", "BookieGamma"]])

    const dc = "entry:upcoming:double_chance:f1"
    const lowered = run([obs("BookieDelta", { entry: dc, market: "double_chance" }), obs("BookieGamma", { entry: dc, market: "double_chance" })], {
      thresholds: { btts: 4, other: 2 }
    })
    assert.deepStrictEqual(lowered.map((m) => m.bookmakers), [["BookieDelta", "BookieGamma"]])
  })

  it("counts distinct bookmakers: one bookmaker quoting twice is one", () => {
    const batch = [obs("BookieAlpha", { jobId: "jobs/1" }), obs("BookieAlpha", { jobId: "jobs/2" })]
    assert.deepStrictEqual(run(batch), [])
    assert.deepStrictEqual(run(batch, { stored: storedOf(obs("BookieAlpha", { jobId: "jobs/3" })) }), [])
  })

  it("groups by period: the same entry in two periods does not combine", () => {
    assert.deepStrictEqual(run([obs("BookieAlpha", { streamDate: "0" }), obs("BookieBeta", { streamDate: "1" })]), [])
    const both = run([
      obs("BookieAlpha", { streamDate: "0" }),
      obs("BookieBeta", { streamDate: "0" }),
      obs("BookieAlpha", { streamDate: "1" }),
      obs("BookieGamma", { streamDate: "1" })
    ])
    assert.deepStrictEqual(both.map((m) => [m.streamDate, m.bookmakers]), [
      ["0", ["BookieAlpha", "BookieBeta"]],
      ["1", ["BookieAlpha", "BookieGamma"]]
    ])
  })

  it("counts fresh quotes already stored on the entry, from earlier batches or other workers", () => {
    const matched = run([obs("BookieAlpha")], { stored: storedOf(obs("BookieBeta", { age: 4 })) })
    assert.deepStrictEqual(matched.map((m) => m.bookmakers), [["BookieAlpha", "BookieBeta"]])
  })

  it("does not count stale stored quotes, nor stored quotes of another period", () => {
    assert.deepStrictEqual(run([obs("BookieAlpha")], { stored: storedOf(obs("BookieBeta", { age: 6 })) }), [])
    assert.deepStrictEqual(run([obs("BookieAlpha")], { stored: storedOf(obs("BookieBeta", { streamDate: "2" })) }), [])
  })

  it("judges each quote by its own source's freshness limit", () => {
    const limits = { freshnessMs: { live: 2 * 60_000, upcoming: 15 * 60_000 } }
    const live = (o: Observation): Observation => ({ ...o, entryKey: "entry:live:btts:f1", source: "live", streamDate: "live" })
    // The previous upcoming round, 5 minutes back, still counts; a live quote of the same age does not.
    const upcoming = run([obs("BookieAlpha")], { stored: storedOf(obs("BookieBeta", { age: 5 })), ...limits })
    assert.deepStrictEqual(upcoming.map((m) => m.bookmakers), [["BookieAlpha", "BookieBeta"]])
    assert.deepStrictEqual(run([live(obs("BookieAlpha"))], { stored: storedOf(live(obs("BookieBeta", { age: 5 }))), ...limits }), [])
    assert.deepStrictEqual(run([obs("BookieAlpha")], { stored: storedOf(obs("BookieBeta", { age: 16 })), ...limits }), [])
    // In one fold, quotes of both sources fetched at the same instant: each still judged by its own limit.
    const both = run([obs("BookieAlpha"), live(obs("BookieAlpha"))], {
      stored: storedOf(obs("BookieBeta", { age: 5 }), live(obs("BookieBeta", { age: 5 }))),
      ...limits
    })
    assert.deepStrictEqual(both.map((m) => m.entryKey), ["entry:upcoming:btts:f1"])
  })

  it("does not count a stale quote of the batch itself", () => {
    assert.deepStrictEqual(run([obs("BookieAlpha"), obs("BookieBeta", { age: 30 })]), [])
    assert.deepStrictEqual(run([obs("BookieAlpha"), { ...obs("BookieBeta"), fetchedAt: "not a time" }]), [])
  })

  it("only examines entries the batch touched", () => {
    const other = "entry:upcoming:btts:f2"
    const matched = run([obs("BookieAlpha")], {
      stored: storedOf(obs("BookieBeta"), obs("BookieAlpha", { entry: other }), obs("BookieBeta", { entry: other }))
    })
    assert.deepStrictEqual(matched.map((m) => m.entryKey), ["entry:upcoming:btts:f1"])
  })

  it("a redelivered job neither double counts its bookmaker nor changes the signature", () => {
    const alpha = obs("BookieAlpha", { jobId: "jobs/7-0" })
    const beta = obs("BookieBeta", { age: 1, jobId: "jobs/5-0" })
    const first = run([alpha], { stored: storedOf(alpha, beta) })
    // Redelivery: the extractor ran again (new fetch time), the same job id rewrote the same field.
    const again = { ...alpha, fetchedAt: minutesAgo(-0.5) }
    const second = run([again], { stored: storedOf(again, beta), now: now + 30_000 })
    assert.strictEqual(first.length, 1)
    assert.deepStrictEqual(second.map((m) => m.bookmakers), [["BookieAlpha", "BookieBeta"]])
    assert.strictEqual(second[0]!.signature, first[0]!.signature)
    // With a threshold of three, the repeated bookmaker must not fill the gap.
    assert.deepStrictEqual(run([alpha, alpha], { stored: storedOf(alpha, beta), thresholds: { btts: 3, other: 3 } }), [])
  })

  it("a newer job of a bookmaker changes the signature", () => {
    const beta = obs("BookieBeta", { jobId: "jobs/5-0" })
    const first = run([obs("BookieAlpha", { jobId: "jobs/7-0" })], { stored: storedOf(beta) })
    const next = run([obs("BookieAlpha", { jobId: "jobs/9-0" })], { stored: storedOf(beta) })
    assert.notStrictEqual(next[0]!.signature, first[0]!.signature)
  })
})
