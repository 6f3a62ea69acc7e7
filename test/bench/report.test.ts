// The benchmark's arithmetic: percentiles, verdicts against targets, the latency attribution of publications
// and opportunities, and the table.
import { assert, describe, it } from "@effect/vitest"
import { opportunityLatencies } from "../../bench/parts/e2e.ts"
import { latencies, redisClockLatencies } from "../../bench/parts/headline.ts"
import { buildRow, renderTable } from "../../bench/lib/report.ts"
import { median, quantile } from "../../bench/lib/stats.ts"

describe("bench statistics", () => {
  it("takes nearest-rank percentiles and the usual median", () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    assert.strictEqual(quantile(xs, 0.5), 5)
    assert.strictEqual(quantile(xs, 0.9), 9)
    assert.strictEqual(quantile(xs, 0.99), 10)
    assert.strictEqual(median(xs), 5.5)
    assert.isNaN(quantile([], 0.5))
  })

  it("judges the median, or the median ratio, against a target", () => {
    const samples = [{ id: "a", value: 10, ratio: 0.7 }, { id: "a", value: 30, ratio: 0.9 }, { id: "a", value: 20, ratio: 0.8 }]
    assert.strictEqual(buildRow({ id: "a", label: "A", unit: "x", target: { op: ">=", value: 20 } }, samples).status, "PASS")
    assert.strictEqual(buildRow({ id: "a", label: "A", unit: "x", target: { op: "<", value: 20 } }, samples).status, "MISS")
    const onRatio = buildRow({ id: "a", label: "A", unit: "x", target: { op: ">=", value: 0.85, onRatio: true } }, samples)
    assert.strictEqual(onRatio.status, "MISS")
    assert.deepStrictEqual(onRatio.ratio, { median: 0.8, min: 0.7, max: 0.9 })
    assert.deepStrictEqual(onRatio.value, { median: 20, min: 10, max: 30 })
    assert.strictEqual(buildRow({ id: "a", label: "A", unit: "x" }, samples).status, "INFO")
  })

  it("shows a row without samples as not available, never with a figure", () => {
    const row = buildRow({ id: "b", label: "B", unit: "x", target: { op: "<=", value: 1 } }, [], "dist/main.js missing")
    assert.strictEqual(row.status, "not available")
    assert.isNull(row.value)
    const table = renderTable([row], [{ name: "c", ok: false, detail: "broken" }])
    assert.include(table, "not available (dist/main.js missing)")
    assert.include(table, "FAIL c: broken")
  })
})

describe("latency attribution", () => {
  it("times a publication from the last job sent before it among its bookmakers", () => {
    const sent = new Map([
      ["live|btts|p0|BookieAlpha", [1, 50]],
      ["live|btts|p0|BookieBeta", [3, 70]]
    ])
    const pub = (arrivedAt: number) => ({
      stream: "live_btts-matched_stream",
      id: "1-0",
      arrivedAt,
      fields: { data_key: "k", bookmakers: "BookieAlpha,BookieBeta", stream_date: "p0" }
    })
    assert.deepStrictEqual(latencies([pub(5), pub(60), pub(75)], sent), [2, 10, 5])
    assert.deepStrictEqual(latencies([{ ...pub(5), stream: "upcoming_btts-matched_stream" }], sent), [])
  })

  it("times a publication by Redis' clock from its commit's earliest job to its own id", () => {
    const pub = (id: string, enqueuedAt?: string) => ({
      stream: "live_btts-matched_stream",
      id,
      arrivedAt: 0,
      fields: enqueuedAt === undefined ? {} : { enqueued_at: enqueuedAt }
    })
    const t = Date.parse("2026-11-28T18:00:00.000Z")
    assert.deepStrictEqual(
      redisClockLatencies([pub(`${t + 3}-0`, "2026-11-28T18:00:00.000Z"), pub(`${t + 12}-5`, "2026-11-28T18:00:00.002Z")]),
      [3, 10]
    )
    assert.deepStrictEqual(redisClockLatencies([pub(`${t}-0`), pub("not-an-id", "2026-11-28T18:00:00.000Z")]), [])
  })

  it("times an opportunity from the job that fetched its newest leg", () => {
    const jobs = [
      { ms: 1000, key: "BookieAlpha|btts|upcoming" },
      { ms: 4000, key: "BookieAlpha|btts|upcoming" },
      { ms: 3000, key: "BookieBeta|btts|upcoming" }
    ]
    const legs = JSON.stringify([{ bookmaker: "BookieAlpha", market: "btts", age_ms: 500 }, { bookmaker: "BookieBeta", market: "btts", age_ms: 2500 }])
    const detected = 5000
    const event = (name: string) => ({ ms: 5002, fields: { event: name, source: "upcoming", legs, detected_at: new Date(detected).toISOString() } })
    // Newest leg: Alpha's, fetched at 4500 by the job enqueued at 4000.
    assert.deepStrictEqual(opportunityLatencies(jobs, [event("new"), event("updated"), event("gone")]), [
      { total: 1002, toFetch: 500 },
      { total: 1002, toFetch: 500 }
    ])
  })

  it("times a value bet from its newest input, a book of its reference when that came last", () => {
    const jobs = [
      { ms: 1000, key: "BookieAlpha|three_way|upcoming" },
      { ms: 1500, key: "BookieGamma|three_way|upcoming" },
      { ms: 4000, key: "BookieDelta|three_way|upcoming" },
      { ms: 4300, key: "BookieGamma|three_way|upcoming" }
    ]
    const fields = {
      event: "updated",
      source: "upcoming",
      legs: JSON.stringify([{ bookmaker: "BookieAlpha", market: "three_way", age_ms: 3800 }]),
      reference_books: JSON.stringify([
        { bookmaker: "BookieDelta", market: "three_way", age_ms: 800 },
        { bookmaker: "BookieGamma", market: "three_way", age_ms: 3000 }
      ]),
      detected_at: new Date(5000).toISOString()
    }
    // Delta's book, fetched at 4200 by the job enqueued at 4000, completed it (Gamma's book is the one fetched
    // at 2000; its later job, at 4300, is not what the bet rests on). Its leg, fetched at 1200 by the job
    // enqueued at 1000, is where the former rule starts.
    assert.deepStrictEqual(opportunityLatencies(jobs, [{ ms: 5010, fields }]), [{ total: 1010, toFetch: 200 }])
    assert.deepStrictEqual(opportunityLatencies(jobs, [{ ms: 5010, fields }], "legs"), [{ total: 4010, toFetch: 200 }])
  })
})
