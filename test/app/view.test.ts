// The terminal view, the summary and the JSON event line of `start`, as pure functions of a state.
import { assert, describe, it } from "@effect/vitest"
import { eventLine, fit, formatAge, formatMs, rank, renderSummary, renderView, type ViewState } from "../../src/app/view.ts"
import { type Tracked, track } from "../../src/mispricing/detector/record.ts"
import type { Arbitrage, Value } from "../../src/mispricing/Opportunity.ts"

const t0 = Date.parse("2025-06-01T12:00:00Z")

const arbitrage: Arbitrage = {
  kind: "arbitrage",
  id: "arbitrage|upcoming:k1|three_way:home,three_way:draw,three_way:away",
  signature: "sig-a",
  fixture: "upcoming:k1",
  markets: ["three_way"],
  legs: [
    { bookmaker: "BookieBeta", market: "three_way", outcome: "home", price: 2.38, stake: 44.02, fetchedAt: t0 + 50_000 },
    { bookmaker: "BookieDelta", market: "three_way", outcome: "draw", price: 3.79, stake: 27.65, fetchedAt: t0 + 52_000 },
    { bookmaker: "BookieDelta", market: "three_way", outcome: "away", price: 3.7, stake: 28.33, fetchedAt: t0 + 52_000 }
  ],
  roi: 0.0479,
  staked: 100,
  payouts: { home: 104.77, draw: 104.79, away: 104.82 },
  profit: 4.77
}

const value: Value = {
  kind: "value",
  id: "value|upcoming:k1|three_way:home",
  signature: "sig-v",
  fixture: "upcoming:k1",
  markets: ["three_way"],
  legs: [{ bookmaker: "BookieBeta", market: "three_way", outcome: "home", price: 2.38, stake: 11.75, fetchedAt: t0 + 50_000 }],
  edge: 0.1621,
  probability: 0.4883,
  reference: "consensus",
  referenceBooks: [
    { bookmaker: "BookieAlpha", market: "three_way", fetchedAt: t0 + 51_000 },
    { bookmaker: "BookieDelta", market: "three_way", fetchedAt: t0 + 52_000 }
  ]
}

const events = { BookieBeta: "b-17", BookieDelta: "d-903" }
const fixture = { source: "upcoming" as const, fixtureKey: "k1", name: "Academico Viseu v Penafiel", events }
const trackedArb: Tracked = track(arbitrage, fixture, t0 + 53_000)
const trackedValue: Tracked = track(value, fixture, t0 + 53_000)

const latency = (p50: number, p95: number) => ({ count: 10, p50, p95, max: p95 })
const none = { count: 0, p50: undefined, p95: undefined, max: undefined }

const state: ViewState = {
  now: t0 + 65_000,
  startedAt: t0,
  feeds: "simulator http://127.0.0.1:41234 (seed bookies, 5 injected)",
  store: "in-memory",
  active: [trackedArb, trackedValue],
  streams: [
    { stream: "XTR-BTTS_live_stream", enqueued: 88, skipped: 0, done: 88, matched: 31, errors: 0, latency: latency(35, 120) },
    { stream: "XTR-THREE_WAY_upcoming_stream", enqueued: 40, skipped: 2, done: 37, matched: 900, errors: 3, latency: none }
  ],
  detector: {
    events: { new: 12, updated: 4, gone: 1 },
    latency: latency(1_500, 2_600),
    rejections: { stale: 0, suspended: 1, spread: 2, roi_cap: 0 }
  },
  logs: ['level=WARN message="round skipped: backlog above limit"']
}

const options = { width: 200, rows: 10, color: false }

describe("renderView", () => {
  const lines = renderView(state, options).split("\n")

  it("heads with the uptime, where the odds come from and the store", () => {
    assert.strictEqual(
      lines[0],
      "bookies-mispriced · up 01:05 · odds from simulator http://127.0.0.1:41234 (seed bookies, 5 injected) · store in-memory"
    )
    assert.include(lines, "ACTIVE OPPORTUNITIES: 2 (1 arbitrage, 1 value)")
  })

  it("lists each opportunity: kind, return, fixture, age, then its legs with bookmaker, outcome, price, stake and quote age", () => {
    const head = lines.findIndex((l) => l.startsWith("ARB"))
    assert.strictEqual(
      lines[head],
      "ARB     +4.79%  Academico Viseu v Penafiel · upcoming · age 12s · stake 100.00 → profit 4.77"
    )
    assert.deepStrictEqual(lines.slice(head + 1, head + 4).map((l) => l.trim().split(/\s+/)), [
      ["BookieBeta", "three_way", "home", "2.38", "stake", "44.02", "quoted", "15s", "ago"],
      ["BookieDelta", "three_way", "draw", "3.79", "stake", "27.65", "quoted", "13s", "ago"],
      ["BookieDelta", "three_way", "away", "3.70", "stake", "28.33", "quoted", "13s", "ago"]
    ])
    assert.strictEqual(lines[head + 4], "VALUE  +16.21%  Academico Viseu v Penafiel · upcoming · age 12s")
    assert.include(lines[head + 5]!, "BookieBeta")
  })

  it("shows per job stream the jobs enqueued and done, entries matched, errors and enqueue→match p50 / p95", () => {
    const btts = lines.find((l) => l.startsWith("XTR-BTTS_live_stream"))!
    assert.deepStrictEqual(btts.split(/\s+/), ["XTR-BTTS_live_stream", "88", "88", "31", "0", "35", "ms", "/", "120", "ms"])
    const threeWay = lines.find((l) => l.startsWith("XTR-THREE_WAY_upcoming_stream"))!
    assert.deepStrictEqual(threeWay.split(/\s+/).slice(0, 6), ["XTR-THREE_WAY_upcoming_stream", "40", "37", "900", "3", "-"])
    assert.include(threeWay, "2 rounds skipped")
    assert.deepStrictEqual(lines.find((l) => l.startsWith("total"))!.split(/\s+/), ["total", "128", "125", "931", "3"])
  })

  it("shows the detector's events, its enqueue→opportunity latency, the rejections and the recent warnings", () => {
    assert.include(lines, "DETECTOR  events 12 new · 4 updated · 1 gone · enqueue→opportunity p50 / p95 1.5 s / 2.6 s")
    assert.include(lines, "REJECTED  stale 0 · suspended 1 · spread 2 · roi_cap 0")
    assert.include(lines, 'level=WARN message="round skipped: backlog above limit"')
  })

  it("lists at most `rows` opportunities and says how many more there are", () => {
    const text = renderView(state, { ...options, rows: 1 })
    assert.notInclude(text, "VALUE")
    assert.include(text, "… and 1 more")
  })

  it("says so when nothing is active yet", () => {
    assert.include(renderView({ ...state, active: [] }, options), "none yet")
  })

  it("cuts every line to the width; colours only when asked", () => {
    const narrow = renderView(state, { ...options, width: 30 }).split("\n")
    assert.isTrue(narrow.every((l) => l.length <= 30))
    assert.notInclude(renderView(state, options), "\x1b[")
    const colored = renderView(state, { ...options, width: 30, color: true })
    assert.include(colored, "\x1b[1m")
    assert.isTrue(colored.split("\n").every((l) => l.replace(/\x1b\[[0-9;]*m/g, "").length <= 30))
  })
})

describe("renderSummary", () => {
  it("a status line, then the best opportunities one per line", () => {
    assert.strictEqual(
      renderSummary(state, 5),
      [
        "[01:05] active 2 · events 12 new · 4 updated · 1 gone · jobs 125 done, 931 matched, 3 errors · " +
        "enqueue→opportunity p50 / p95 1.5 s / 2.6 s",
        "  arbitrage +4.79% Academico Viseu v Penafiel (upcoming, age 12s): BookieBeta three_way:home @2.38 stake 44.02 | " +
        "BookieDelta three_way:draw @3.79 stake 27.65 | BookieDelta three_way:away @3.70 stake 28.33",
        "  value +16.21% Academico Viseu v Penafiel (upcoming, age 12s): BookieBeta three_way:home @2.38 stake 11.75"
      ].join("\n")
    )
    assert.strictEqual(renderSummary(state, 0).split("\n").length, 1)
  })
})

describe("eventLine", () => {
  it("one JSON object: numbers as numbers, times in ISO-8601, each leg with its bookmaker's event id and age", () => {
    const line = eventLine("new", trackedArb, t0 + 54_000)
    assert.notInclude(line, "\n")
    assert.deepStrictEqual(JSON.parse(line), {
      event: "new",
      kind: "arbitrage",
      id: arbitrage.id,
      source: "upcoming",
      fixture: "k1",
      fixture_name: "Academico Viseu v Penafiel",
      markets: ["three_way"],
      roi: 0.0479,
      staked: 100,
      profit: 4.77,
      payouts: { home: 104.77, draw: 104.79, away: 104.82 },
      legs: [
        { bookmaker: "BookieBeta", event_id: "b-17", market: "three_way", outcome: "home", price: 2.38, stake: 44.02, fetched_at: "2025-06-01T12:00:50.000Z", age_ms: 4_000 },
        { bookmaker: "BookieDelta", event_id: "d-903", market: "three_way", outcome: "draw", price: 3.79, stake: 27.65, fetched_at: "2025-06-01T12:00:52.000Z", age_ms: 2_000 },
        { bookmaker: "BookieDelta", event_id: "d-903", market: "three_way", outcome: "away", price: 3.7, stake: 28.33, fetched_at: "2025-06-01T12:00:52.000Z", age_ms: 2_000 }
      ],
      event_ids: events,
      since: "2025-06-01T12:00:53.000Z",
      at: "2025-06-01T12:00:54.000Z"
    })
  })

  it("a value bet carries its edge, probability and reference, and the reference's books with their ages", () => {
    const parsed = JSON.parse(eventLine("gone", trackedValue, t0 + 54_000))
    assert.deepInclude(parsed, { event: "gone", kind: "value", edge: 0.1621, probability: 0.4883, reference: "consensus" })
    assert.notProperty(parsed, "roi")
    assert.deepStrictEqual(parsed.reference_books, [
      { bookmaker: "BookieAlpha", market: "three_way", fetched_at: "2025-06-01T12:00:51.000Z", age_ms: 3_000 },
      { bookmaker: "BookieDelta", market: "three_way", fetched_at: "2025-06-01T12:00:52.000Z", age_ms: 2_000 }
    ])
  })
})

describe("helpers", () => {
  it("rank: arbitrages first, each kind by return", () => {
    const small = track({ ...arbitrage, id: "a2", roi: 0.01 }, fixture, t0)
    assert.deepStrictEqual(rank([trackedValue, small, trackedArb]).map((t) => t.id), [arbitrage.id, "a2", value.id])
  })

  it("fit keeps ANSI sequences whole and counts only visible characters", () => {
    assert.strictEqual(fit("abcdef", 3), "abc")
    assert.strictEqual(fit("ab", 3), "ab")
    assert.strictEqual(fit("\x1b[1mabcdef\x1b[0m", 3), "\x1b[1mabc\x1b[0m")
  })

  it("durations and ages read at a glance", () => {
    assert.deepStrictEqual([formatMs(undefined), formatMs(35.4), formatMs(1_520), formatMs(185_000)], ["-", "35 ms", "1.5 s", "3m05s"])
    assert.deepStrictEqual([formatAge(-5), formatAge(7_900), formatAge(125_000), formatAge(3_720_000)], ["0s", "7s", "2m05s", "1h02m"])
  })
})
