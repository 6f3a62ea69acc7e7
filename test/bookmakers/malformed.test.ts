// Malformed payloads: one bad item inside a good payload is skipped with its path (and counted), the rest
// is kept; a payload whose top level does not decode is PayloadInvalid naming bookmaker, market, period
// and path. Payloads come from the simulated APIs over the hand-made view, then are damaged.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Metric, Schema } from "effect"
import { TestClock } from "effect/testing"
import { alphaApi } from "../../src/bookmakers/alpha/api.ts"
import { normaliseAlpha } from "../../src/bookmakers/alpha/normalise.ts"
import { AlphaEventsPage } from "../../src/bookmakers/alpha/wire.ts"
import { betaApi } from "../../src/bookmakers/beta/api.ts"
import { betaTournaments, normaliseBetaEvents } from "../../src/bookmakers/beta/normalise.ts"
import { BetaEventsPage, BetaTournamentsPage } from "../../src/bookmakers/beta/wire.ts"
import { deltaApi } from "../../src/bookmakers/delta/api.ts"
import { deltaIds, normaliseDelta } from "../../src/bookmakers/delta/normalise.ts"
import { DeltaIdList, DeltaMarketsPage } from "../../src/bookmakers/delta/wire.ts"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { gammaApi } from "../../src/bookmakers/gamma/api.ts"
import { normaliseGamma } from "../../src/bookmakers/gamma/normalise.ts"
import { GammaFixturesPage } from "../../src/bookmakers/gamma/wire.ts"
import { eventsSkippedFor } from "../../src/bookmakers/metrics.ts"
import type { SimulatedApi } from "../../src/simulator/SimulatedApi.ts"
import { Job } from "../../src/domain/Job.ts"
import type { Bookmaker, Market } from "../../src/domain/Market.ts"
import { registryWith, simClient } from "./support/clients.ts"
import { now, view } from "./support/view.ts"

/** A rendered payload as plain JSON, free to damage. */
const render = (api: SimulatedApi, path: string, query: string): any =>
  JSON.parse(JSON.stringify(api.handle(view, path, new URLSearchParams(query), now)))

const ctx = (bookmaker: Bookmaker, market: Market) => ({ bookmaker, market, source: "upcoming" as const, fetchedAt: now.toISOString() })

describe("one bad item is skipped with its path, the rest is kept", () => {
  it("Alpha: a price that is not a decimal", () => {
    const page = render(alphaApi, "/v1/events", "market=BTTS&period=0")
    page.data[0].markets[0].selections[1].odds = "2,10"
    const { items, skipped } = normaliseAlpha(Schema.decodeUnknownSync(AlphaEventsPage)(page), ctx("BookieAlpha", "btts"))
    assert.deepStrictEqual(items.map((q) => q.eventId), ["alpha-f2"])
    assert.strictEqual(skipped.length, 1)
    assert.strictEqual(skipped[0]!.path, "$.data[0].markets[0].selections[1].odds")
    assert.include(skipped[0]!.reason, "decimal price")
  })

  it("Gamma: a kickoff that is not epoch seconds, a selection missing", () => {
    const page = render(gammaApi, "/api/v2/fixtures", "day=0&marketId=1001")
    page.fixtures[1].kickOff = "tonight"
    const missing = structuredClone(page.fixtures[0])
    missing.ref = "gamma-f9"
    missing.book.selections.pop()
    page.fixtures.push(missing)
    const { items, skipped } = normaliseGamma(Schema.decodeUnknownSync(GammaFixturesPage)(page), ctx("BookieGamma", "three_way"))
    assert.deepStrictEqual(items.map((q) => q.eventId), ["gamma-f1"])
    assert.deepStrictEqual(skipped.map((s) => s.path), ["$.fixtures[1].kickOff", "$.fixtures[2]"])
    assert.strictEqual(skipped[1]!.reason, "no price for outcome AWAY")
  })

  it("Beta: an event id that could change a URL, a tournament without an id, a second home side", () => {
    const page = render(betaApi, "/sports/football/tournaments/england-premier-league/events", "window=24H&offer=BTTS")
    const good = page.events[0]
    page.events.push({ ...good, eventId: "../admin" })
    page.events.push({ ...good, eventId: "beta-f8", competitors: [good.competitors[0], good.competitors[0]] })
    const { items, skipped } = normaliseBetaEvents(Schema.decodeUnknownSync(BetaEventsPage)(page), ctx("BookieBeta", "btts"))
    assert.deepStrictEqual(items.map((q) => q.eventId), ["beta-f1"])
    assert.deepStrictEqual(skipped.map((s) => s.path), ["$.events[1].eventId", "$.events[2]"])

    const list = render(betaApi, "/sports/football/tournaments", "window=24H")
    delete list.tournaments[0].tournamentId
    const tournaments = betaTournaments(Schema.decodeUnknownSync(BetaTournamentsPage)(list))
    assert.deepStrictEqual(tournaments.items.map((t) => t.tournamentId), ["espana-la-liga"])
    assert.deepStrictEqual(tournaments.skipped.map((s) => s.path), ["$.tournaments[0].tournamentId"])
  })

  it("Delta: a negative price, an id with a comma", () => {
    const page = render(deltaApi, "/feed/markets", "ids=delta-f1,delta-f2&type=1X2")
    page.events[0].odds[0].v = -3
    const { items, skipped } = normaliseDelta(Schema.decodeUnknownSync(DeltaMarketsPage)(page), ctx("BookieDelta", "three_way"))
    assert.deepStrictEqual(items.map((q) => q.eventId), ["delta-f2"])
    assert.deepStrictEqual(skipped.map((s) => s.path), ["$.events[0].odds[0].v"])

    const ids = deltaIds(Schema.decodeUnknownSync(DeltaIdList)({ date: "2024-05-01", live: false, ids: ["d1", "d2,d3", 7, "d4"] }))
    assert.deepStrictEqual(ids.items, ["d1", "d4"])
    assert.deepStrictEqual(ids.skipped.map((s) => s.path), ["$.ids[1]", "$.ids[2]"])
  })
})

const extract = (bookmaker: Bookmaker, market: Market, streamDate: string) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(now.getTime())
    const extractor = yield* (yield* Extractors).get(bookmaker, market)
    return yield* extractor.extract(new Job({ bookmaker, extractor_type: market, data_source: "upcoming", stream_date: streamDate }))
  })

describe("through the extractors", () => {
  it.effect("a skipped event is counted per bookmaker and market; the job still returns the rest", () =>
    Effect.gen(function*() {
      const counter = eventsSkippedFor("BookieDelta", "double_chance")
      const before = (yield* Metric.value(counter)).count
      const quotes = yield* extract("BookieDelta", "double_chance", "2")
      assert.deepStrictEqual(quotes.map((q) => q.eventId), ["delta-f3"])
      assert.strictEqual((yield* Metric.value(counter)).count, before + 1)
      assert.strictEqual((yield* Metric.value(eventsSkippedFor("BookieDelta", "btts"))).count, 0)
    }).pipe(Effect.provide(registryWith(simClient(view, [], (path, body: any) => {
      // Day 2 has one event: add a damaged copy (no home team) next to it.
      if (path === "/delta/feed/markets") body.events.push({ ...body.events[0], id: "delta-f9", t1: "" })
      return body
    })))))

  const topLevel: ReadonlyArray<readonly [Bookmaker, Market, string, string, unknown, Record<string, string>]> = [
    ["BookieAlpha", "btts", "0", "/alpha/v1/events", { success: false, error: "maintenance" }, { market: "btts", period: "0", path: "$.success" }],
    ["BookieGamma", "three_way", "1", "/gamma/api/v2/catalogue", { sport: "football", markets: "soon" }, { market: "catalogue", path: "$.markets" }],
    ["BookieGamma", "three_way", "1", "/gamma/api/v2/fixtures", { marketId: 1001, day: 1 }, { market: "three_way", period: "1", path: "$.fixtures" }],
    ["BookieBeta", "double_chance", "0", "/beta/sports/football/tournaments", { live: false, window: "24H", tournaments: {} }, { market: "double_chance", period: "24H", path: "$.tournaments" }],
    ["BookieDelta", "btts", "0", "/delta/feed/events", { date: "2024-05-01", live: false }, { market: "btts", period: "2024-05-01", path: "$.ids" }]
  ]

  it.effect.each(topLevel)("%s %s day %s: a bad top level at %s is PayloadInvalid", ([bookmaker, market, streamDate, at, body, expected]) =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(extract(bookmaker, market, streamDate))
      assert.deepInclude(error, { _tag: "PayloadInvalid", bookmaker, ...expected })
    }).pipe(Effect.provide(registryWith(simClient(view, [], (path, rendered) => (path === at ? body : rendered))))))
})
