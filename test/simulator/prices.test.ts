// The price promises: margins of 3–8 %, and without injection no arbitrage (within or across markets and
// bookmakers) and no value above 2 % against the de-vigged consensus, pre-match and in play; with
// injection, each injected price creates a clear arbitrage that stays on across polls.
import { assert, describe, it } from "@effect/vitest"
import { bookmakers, markets, outcomesOf } from "../../src/domain/Market.ts"
import { bookView } from "../../src/simulator/SimBookView.ts"
import { generateWorld, type WorldOptions } from "../../src/simulator/SimWorld.ts"
import { arbitrages, bestPrices, byFixture, type Listed, valueEdges } from "./books.ts"

const anchor = new Date("2025-03-01T13:20:00Z")
const minute = 60_000
const clean = (seed: string): WorldOptions => ({ seed, anchor, fixtures: 300, live: 30, mispricings: 0 })

/** Fails with the first fixture that offers an arbitrage or a value bet above 2 %. */
const assertFair = (listed: Listed, label: string) => {
  const arb = arbitrages(bestPrices(listed))
  assert.deepStrictEqual(arb, [], `${label}: arbitrage`)
  const value = valueEdges(listed).filter((v) => v.edge > 0.02)
  assert.deepStrictEqual(value, [], `${label}: value above 2 %`)
}

describe("prices without injection", () => {
  it("keep every bookmaker's margin within 3–8 % and its complete books at that overround", () => {
    const world = generateWorld(clean("margins"))
    for (const b of bookmakers) {
      for (const m of markets) {
        const margin = world.margins[b][m]
        assert.isAtLeast(margin, 0.03)
        assert.isAtMost(margin, 0.08)
      }
    }
    for (const [, listed] of byFixture(bookView(world), "upcoming", anchor)) {
      for (const { bookmaker, event } of listed) {
        for (const market of markets) {
          const prices = event.markets[market]
          if (prices === undefined || outcomesOf[market].some((o) => prices[o] == null)) continue
          const covers = market === "double_chance" ? 2 : 1
          const overround = outcomesOf[market].reduce((s, o) => s + 1 / prices[o]!, 0) / covers - 1
          // Noise moves it a little either way; flooring prices to two decimals only adds to it.
          assert.isAbove(overround, world.margins[bookmaker][market] - 0.01, `${bookmaker} ${market}`)
          assert.isBelow(overround, world.margins[bookmaker][market] + 0.03, `${bookmaker} ${market}`)
        }
      }
    }
  })

  it("offer no arbitrage and no value pre-match, on every day and across suspension windows", () => {
    for (const seed of ["fair-1", "fair-2", "fair-3"]) {
      const view = bookView(generateWorld(clean(seed)))
      for (const at of [0, 25, 24 * 60]) {
        const now = new Date(anchor.getTime() + at * minute)
        const fixtures = byFixture(view, "upcoming", now)
        assert.isAbove(fixtures.size, 200)
        for (const [id, listed] of fixtures) assertFair(listed, `${seed} ${id} +${at}m`)
      }
    }
  })

  it("offer no arbitrage and no value in play, minute after minute", () => {
    for (const seed of ["live-1", "live-2"]) {
      const view = bookView(generateWorld(clean(seed)))
      let checked = 0
      for (let at = 0; at <= 150; at += 3) {
        const now = new Date(anchor.getTime() + at * minute)
        for (const [id, listed] of byFixture(view, "live", now)) {
          assertFair(listed, `${seed} ${id} +${at}m`)
          checked++
        }
      }
      assert.isAbove(checked, 500)
    }
  })

  it("offer no arbitrage across two polls 30 seconds apart in play (prices reprice once a minute, suspended around goals)", () => {
    const view = bookView(generateWorld(clean("live-polls")))
    for (let at = 0; at <= 120 * 60; at += 20) {
      const first = byFixture(view, "live", new Date(anchor.getTime() + at * 1000))
      const second = byFixture(view, "live", new Date(anchor.getTime() + (at + 30) * 1000))
      for (const [id, early] of first) {
        const late = second.get(id) ?? []
        const mixed = [...early.filter((l) => l.bookmaker === "BookieAlpha" || l.bookmaker === "BookieGamma"), ...late.filter((l) => l.bookmaker === "BookieBeta" || l.bookmaker === "BookieDelta")]
        assert.deepStrictEqual(arbitrages(bestPrices(mixed)), [], `${id} at +${at}s`)
      }
    }
  })

  it("price double chance consistently with the three-way book", () => {
    const view = bookView(generateWorld(clean("dc")))
    let compared = 0
    for (const [, listed] of byFixture(view, "upcoming", anchor)) {
      for (const { event } of listed) {
        const tw = event.markets.three_way
        const dc = event.markets.double_chance
        if (tw === undefined || dc === undefined || [tw.home, tw.draw, tw.away, dc["1X"], dc["12"], dc.X2].some((p) => p == null)) continue
        const twTotal = 1 / tw.home! + 1 / tw.draw! + 1 / tw.away!
        const dcTotal = 1 / dc["1X"]! + 1 / dc["12"]! + 1 / dc.X2!
        const p = (price: number, total: number, covers: number) => covers / price / total
        assert.approximately(p(dc["1X"]!, dcTotal, 2), p(tw.home!, twTotal, 1) + p(tw.draw!, twTotal, 1), 0.02)
        assert.approximately(p(dc.X2!, dcTotal, 2), p(tw.draw!, twTotal, 1) + p(tw.away!, twTotal, 1), 0.02)
        compared++
      }
    }
    assert.isAbove(compared, 500)
  })

  it("suspend a few outcomes now and then, never most", () => {
    const view = bookView(generateWorld(clean("suspend")))
    let prices = 0
    let suspended = 0
    for (let at = 0; at < 6 * 60; at += 10) {
      for (const [, listed] of byFixture(view, "upcoming", new Date(anchor.getTime() + at * minute), [2])) {
        for (const { event } of listed) {
          for (const market of Object.values(event.markets)) {
            for (const price of Object.values(market ?? {})) {
              prices++
              if (price === null) suspended++
            }
          }
        }
      }
    }
    assert.isAbove(suspended, 0)
    assert.isBelow(suspended / prices, 0.02)
  })
})

describe("injected mispricings", () => {
  const options: WorldOptions = { seed: "inject", anchor, fixtures: 300, live: 12, mispricings: 8 }
  const world = generateWorld(options)
  const view = bookView(world)

  it("inject as many as asked, on distinct pre-match fixtures", () => {
    assert.strictEqual(world.mispricings.length, 8)
    assert.strictEqual(new Set(world.mispricings.map((m) => m.fixtureId)).size, 8)
    for (const m of world.mispricings) {
      const fixture = world.fixtures.find((f) => f.id === m.fixtureId)!
      assert.isAbove(fixture.kickoffMs, anchor.getTime() + 3 * 60 * minute)
      assert.isAbove(m.price, m.fairPrice, "boosted above fair")
      assert.isAtMost(m.price, 1.2 * m.fairPrice + 1e-9)
    }
  })

  it("each create a clear arbitrage (2–15 %, all combinations under the 25 % cap), stable across polls", () => {
    for (const at of [0, 30, 90, 150]) {
      const fixtures = byFixture(view, "upcoming", new Date(anchor.getTime() + at * minute))
      for (const m of world.mispricings) {
        const listed = fixtures.get(m.fixtureId)!
        const served = listed.find((l) => l.bookmaker === m.bookmaker)!
        assert.strictEqual(served.event.markets[m.market]![m.outcome], m.price, "the boosted price is served")
        assert.strictEqual(served.event.eventId, m.eventId)
        const found = arbitrages(bestPrices(listed))
        assert.isNotEmpty(found, `${m.fixtureId} at +${at}m`)
        const best = Math.max(...found.map((a) => a.roi))
        assert.isAtLeast(best, 0.02)
        assert.isAtMost(best, 0.25)
        const named = 1 / (1 / m.price + m.legs.reduce((s, l) => s + 1 / l.price, 0)) - 1
        assert.approximately(named, m.roi, 1e-3)
        assert.isAtLeast(m.roi, 0.02)
        assert.isAtMost(m.roi, 0.15)
        assert.isTrue(valueEdges(listed).some((v) => v.bookmaker === m.bookmaker && v.outcome === m.outcome && v.market === m.market && v.edge > 0.02))
      }
    }
  })

  it("leave every other fixture fair", () => {
    const injected = new Set(world.mispricings.map((m) => m.fixtureId))
    for (const [id, listed] of byFixture(view, "upcoming", anchor)) if (!injected.has(id)) assertFair(listed, id)
  })
})
