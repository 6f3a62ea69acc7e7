// The detector's pure parts: lifecycle diff, matched-message decoding, entry decoding, event fields and
// publish commands, latency quantiles.
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { fixtureQuotes } from "../../src/mispricing/detector/entryQuotes.ts"
import { diff } from "../../src/mispricing/detector/lifecycle.ts"
import { quantile, summarize } from "../../src/mispricing/detector/latency.ts"
import { decodeMatched } from "../../src/mispricing/detector/MatchedMessage.ts"
import { changeCommands, eventFields } from "../../src/mispricing/detector/publication.ts"
import { refresh, revise, type Tracked, TrackedJson, track } from "../../src/mispricing/detector/record.ts"
import { type Arbitrage, opportunitySignature, type Value } from "../../src/mispricing/Opportunity.ts"

const o = (id: string, signature: string, since = 0) => ({ id, signature, since })

describe("lifecycle diff", () => {
  it("new, updated, gone; unchanged yields nothing and keeps its earlier version", () => {
    const previous = [o("a", "a1", 1), o("b", "b1", 2), o("c", "c1", 3)]
    const found = [o("a", "a1", 10), o("b", "b2", 20), o("d", "d1", 40)]
    const { active, changes } = diff(previous, found, (old, now) => ({ ...now, since: old.since }))
    assert.deepStrictEqual(changes, [
      { event: "updated", opportunity: o("b", "b2", 2) },
      { event: "new", opportunity: o("d", "d1", 40) },
      { event: "gone", opportunity: o("c", "c1", 3) }
    ])
    assert.deepStrictEqual(active, [o("a", "a1", 1), o("b", "b2", 2), o("d", "d1", 40)])
  })

  it("nothing before and nothing found: no changes", () => {
    assert.deepStrictEqual(diff([], []), { changes: [], active: [] })
  })

  it("the same set twice: no changes", () => {
    const set = [o("a", "a1"), o("b", "b1")]
    assert.deepStrictEqual(diff(set, set.map((x) => ({ ...x }))).changes, [])
  })
})

describe("decodeMatched", () => {
  it("decodes the worker's message: entry key parts and enqueue time", () => {
    const decoded = decodeMatched({
      data_key: "entry:live:three_way:lyon-nice:2025-06-01",
      bookmakers: "BookieAlpha,BookieBeta",
      stream_date: "live",
      enqueued_at: "2025-06-01T12:00:00.250Z"
    })
    assert.deepStrictEqual(Result.getOrUndefined(decoded), {
      entryKey: "entry:live:three_way:lyon-nice:2025-06-01",
      source: "live",
      market: "three_way",
      fixtureKey: "lyon-nice:2025-06-01",
      enqueuedAt: Date.parse("2025-06-01T12:00:00.250Z")
    })
    assert.strictEqual(Result.getOrUndefined(decodeMatched({ data_key: "entry:upcoming:btts:x" }))?.enqueuedAt, undefined)
  })

  it("rejects what is not a matched message, saying why on one line", () => {
    for (
      const fields of [
        {},
        { data_key: "" },
        { data_key: "nope" },
        { data_key: "entry:soon:btts:x" },
        { data_key: "entry:live:corners:x" },
        { data_key: "entry:live:btts:" },
        { data_key: "entry:live:btts:x", enqueued_at: "not a date" },
        { data_key: "x".repeat(600) }
      ]
    ) {
      const decoded = decodeMatched(fields)
      assert.isTrue(Result.isFailure(decoded), JSON.stringify(fields))
      if (Result.isFailure(decoded)) assert.notInclude(decoded.failure, "\n")
    }
  })
})

const stored = (bookmaker: string, market: string, prices: Record<string, number | null>, fetchedAt = "2025-06-01T12:00:00.000Z") =>
  JSON.stringify({
    bookmaker,
    market,
    source: "upcoming",
    eventId: "e1",
    listing: { home: "Lyon", away: "Nice", kickoff: "2025-06-01T18:00:00.000Z" },
    prices: Object.entries(prices).map(([outcome, price]) => ({ outcome, price })),
    fetchedAt,
    jobId: "s/1-0",
    stream_date: "0"
  })

describe("fixtureQuotes", () => {
  it("one pricing quote per priced outcome; suspended outcomes, meta fields and misfiled quotes left out", () => {
    const result = fixtureQuotes([
      ["btts", {
        BookieAlpha: stored("BookieAlpha", "btts", { yes: 2.1, no: null }),
        BookieBeta: stored("BookieGamma", "btts", { yes: 1.9, no: 1.9 }), // under another bookmaker's name
        BookieGamma: "{not json",
        fixture: JSON.stringify({ key: "k", home: "Lyon", away: "Nice", kickoff: "2025-06-01T18:00:00.000Z" }),
        bookie_updated: "2025-06-01T12:00:00Z",
        published_sig: "abc"
      }],
      ["three_way", { BookieDelta: stored("BookieDelta", "btts", { yes: 2, no: 2 }) }], // wrong market
      ["double_chance", { BookieDelta: stored("BookieDelta", "double_chance", { "1X": 1.3, "12": 1.25, X2: 1.9 }) }]
    ])
    assert.deepStrictEqual(result.quotes.map((q) => `${q.bookmaker} ${q.market} ${q.outcome} ${q.price}`), [
      "BookieAlpha btts yes 2.1",
      "BookieDelta double_chance 12 1.25", // integer-like keys come first in a JS object
      "BookieDelta double_chance 1X 1.3",
      "BookieDelta double_chance X2 1.9"
    ])
    assert.strictEqual(result.quotes[0]!.fetchedAt, "2025-06-01T12:00:00.000Z")
    assert.strictEqual(result.invalid, 3)
    assert.strictEqual(result.name, "Lyon v Nice")
    assert.deepStrictEqual(result.events, { BookieAlpha: "e1", BookieDelta: "e1" }) // the misfiled and undecodable ones left out
  })

  it("no entries: nothing, no name", () => {
    assert.deepStrictEqual(fixtureQuotes([["btts", {}]]), { quotes: [], name: undefined, events: {}, invalid: 0 })
  })
})

const arbitrage: Arbitrage = {
  kind: "arbitrage",
  id: "arbitrage|upcoming:k|btts:yes,btts:no",
  signature: "arbitrage|upcoming:k|btts:yes,btts:no|BookieAlpha@2.1,BookieBeta@2.1",
  fixture: "upcoming:k",
  markets: ["btts"],
  legs: [
    { bookmaker: "BookieAlpha", market: "btts", outcome: "yes", price: 2.1, stake: 50, fetchedAt: 1_000 },
    { bookmaker: "BookieBeta", market: "btts", outcome: "no", price: 2.1, stake: 50, fetchedAt: 4_000 }
  ],
  roi: 0.05,
  staked: 100,
  payouts: { yes: 105, no: 105 },
  profit: 5
}
const tracked: Tracked = track(arbitrage, { source: "upcoming", fixtureKey: "k", name: "Lyon v Nice" }, 5_000)
const value: Value = {
  kind: "value",
  id: "value|upcoming:k|three_way:home",
  signature: "value|upcoming:k|three_way:home|BookieGamma@2.3/7.8",
  fixture: "upcoming:k",
  markets: ["three_way"],
  legs: [{ bookmaker: "BookieGamma", market: "three_way", outcome: "home", price: 2.3, stake: 7.8, fetchedAt: 1_000 }],
  edge: 0.1,
  probability: 0.48,
  reference: "consensus",
  referenceBooks: [
    { bookmaker: "BookieAlpha", market: "three_way", fetchedAt: 2_000 },
    { bookmaker: "BookieBeta", market: "three_way", fetchedAt: 4_500 }
  ]
}
const trackedValue: Tracked = track(value, { source: "upcoming", fixtureKey: "k", name: "Lyon v Nice" }, 5_000)

describe("publication", () => {
  it("event fields: legs with their ages at the event's time, the return, times in ISO-8601", () => {
    const fields = eventFields("new", tracked, 6_000)
    assert.deepStrictEqual({ ...fields, legs: JSON.parse(fields.legs!) }, {
      event: "new",
      kind: "arbitrage",
      id: arbitrage.id,
      source: "upcoming",
      fixture: "k",
      fixture_name: "Lyon v Nice",
      markets: "btts",
      legs: [
        { bookmaker: "BookieAlpha", market: "btts", outcome: "yes", price: 2.1, stake: 50, age_ms: 5_000 },
        { bookmaker: "BookieBeta", market: "btts", outcome: "no", price: 2.1, stake: 50, age_ms: 2_000 }
      ],
      roi: "0.05",
      staked: "100",
      profit: "5",
      detected_at: new Date(6_000).toISOString(),
      since: new Date(5_000).toISOString()
    })
  })

  it("event fields of a value bet: its reference's books with their ages, as the legs'", () => {
    const fields = eventFields("updated", trackedValue, 6_000)
    assert.deepInclude(fields, { kind: "value", edge: "0.1", probability: "0.48", reference: "consensus" })
    assert.deepStrictEqual(JSON.parse(fields.legs!), [
      { bookmaker: "BookieGamma", market: "three_way", outcome: "home", price: 2.3, stake: 7.8, age_ms: 5_000 }
    ])
    assert.deepStrictEqual(JSON.parse(fields.reference_books!), [
      { bookmaker: "BookieAlpha", market: "three_way", age_ms: 4_000 },
      { bookmaker: "BookieBeta", market: "three_way", age_ms: 1_500 }
    ])
    // A record written before reference books existed has none to show.
    const { referenceBooks: _, ...older } = value
    assert.notProperty(eventFields("gone", { ...trackedValue, opportunity: older }, 6_000), "reference_books")
  })

  it("a record keeps its reference books through Redis; one written before them still reads", () => {
    const decode = Schema.decodeUnknownSync(TrackedJson)
    const encoded = Schema.encodeSync(TrackedJson)(trackedValue)
    assert.deepStrictEqual(decode(encoded), trackedValue)
    const { referenceBooks: _, ...older } = value
    const olderRecord = { ...trackedValue, opportunity: older }
    assert.deepStrictEqual(decode(JSON.stringify(olderRecord)), olderRecord)
  })

  it("publish-once keyed on (event, signature); the active set follows: zadd by return, zrem when gone", () => {
    const limits = { opportunitiesMaxLen: 500, recordTtlSeconds: 60 }
    const [publish, expire, zadd] = changeCommands({ event: "updated", opportunity: tracked }, 6_000, limits)
    assert.deepInclude(publish, {
      op: "publishOnce",
      key: `opportunity:${arbitrage.id}`,
      sigField: "sig",
      sig: `updated:${arbitrage.signature}`,
      stream: "opportunities",
      cap: { maxLen: 500 }
    })
    assert.deepStrictEqual(expire, { op: "expire", key: `opportunity:${arbitrage.id}`, seconds: 60 })
    assert.deepStrictEqual(zadd, { op: "zadd", key: "opportunities:active", members: [[0.05, arbitrage.id]] })
    const [gonePublish, , zrem] = changeCommands({ event: "gone", opportunity: tracked }, 6_000, limits)
    assert.strictEqual(gonePublish?.op === "publishOnce" ? gonePublish.sig : "", `gone:${arbitrage.signature}`)
    assert.deepStrictEqual(zrem, { op: "zrem", key: "opportunities:active", members: [arbitrage.id] })
  })

  it("an update keeps the first-seen time", () => {
    const later = track({ ...arbitrage, signature: "other" }, { source: "upcoming", fixtureKey: "k", name: undefined }, 9_000)
    const updated = revise(tracked, later)
    assert.deepStrictEqual([updated.since, updated.detectedAt, updated.signature], [5_000, 9_000, "other"])
  })

  it("found again unchanged but fetched again: no change; the active version takes the legs' new fetch times only", () => {
    const refetched = track(
      { ...arbitrage, legs: arbitrage.legs.map((l) => ({ ...l, fetchedAt: l.fetchedAt + 300_000 })) },
      { source: "upcoming", fixtureKey: "k", name: "Lyon v Nice" },
      305_000
    )
    const { active, changes } = diff([tracked], [refetched], revise, refresh)
    assert.deepStrictEqual(changes, [])
    assert.deepStrictEqual(active, [{ ...tracked, opportunity: { ...arbitrage, legs: refetched.opportunity.legs } }])
  })

  it("a value bet found again unchanged takes its reference books' new fetch times too", () => {
    const later = (t: number) => t + 300_000
    const referenceBooks = value.referenceBooks!.map((b) => ({ ...b, fetchedAt: later(b.fetchedAt) }))
    const refetched = track(
      {
        ...value,
        legs: value.legs.map((l) => ({ ...l, fetchedAt: later(l.fetchedAt) })),
        referenceBooks,
        edge: 0.1001 // a consensus that moved without moving the stake: not a change
      },
      { source: "upcoming", fixtureKey: "k", name: "Lyon v Nice" },
      305_000
    )
    const { active, changes } = diff([trackedValue], [refetched], revise, refresh)
    assert.deepStrictEqual(changes, [])
    assert.deepStrictEqual(active, [{
      ...trackedValue,
      opportunity: { ...value, legs: refetched.opportunity.legs, referenceBooks }
    }])
  })
})

describe("opportunity signature", () => {
  it("moves with a leg's bookmaker, price or stake; not with when its quote was fetched", () => {
    const [a, b] = arbitrage.legs as readonly [Arbitrage["legs"][number], Arbitrage["legs"][number]]
    const sig = (legs: Arbitrage["legs"]) => opportunitySignature(arbitrage.id, legs)
    const base = sig([a, b])
    assert.strictEqual(sig([{ ...a, fetchedAt: 900_000 }, { ...b, fetchedAt: 901_000 }]), base)
    for (const moved of [{ ...a, bookmaker: "BookieGamma" }, { ...a, price: 2.11 }, { ...a, stake: 50.01 }]) {
      assert.notStrictEqual(sig([moved, b]), base, JSON.stringify(moved))
    }
  })
})

describe("latency quantiles", () => {
  const state = (buckets: ReadonlyArray<[number, number]>, min: number, max: number) => ({
    buckets,
    count: buckets.at(-1)![1],
    min,
    max,
    sum: 0
  })

  it("interpolates inside the bucket holding the rank, clamped to min and max", () => {
    // 10 observations: 4 in (0, 10], 4 in (10, 20], 2 in (20, ∞) with max 35.
    const s = state([[10, 4], [20, 8], [Infinity, 10]], 2, 35)
    assert.strictEqual(quantile(s, 0.5), 12.5) // rank 5: a quarter into (10, 20]
    assert.strictEqual(quantile(s, 0.95), 20 + 15 * 0.75) // rank 9.5 in (20, 35]
    assert.strictEqual(quantile(s, 0.1), 2 + 8 * 0.25) // rank 1 in [2, 10]
  })

  it("a single observation is every quantile; none gives undefined", () => {
    assert.deepStrictEqual(summarize(state([[10, 0], [20, 1], [Infinity, 1]], 14, 14)), { count: 1, p50: 14, p95: 14, max: 14 })
    assert.deepStrictEqual(summarize({ buckets: [[10, 0], [Infinity, 0]], count: 0, min: 0, max: 0, sum: 0 }), {
      count: 0,
      p50: undefined,
      p95: undefined,
      max: undefined
    })
  })
})
