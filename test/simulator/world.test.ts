// The seeded world: deterministic, the sizes asked for, every bookmaker listing most fixtures with its own
// ids and kickoffs a few minutes apart, and able to scale to benchmark sizes.
import { assert, describe, it } from "@effect/vitest"
import { bookmakers } from "../../src/domain/Market.ts"
import { liveState } from "../../src/simulator/LiveClock.ts"
import { bookView } from "../../src/simulator/SimBookView.ts"
import { dayMs, generateWorld, utcDay, type WorldOptions } from "../../src/simulator/SimWorld.ts"
import { groundTruth } from "../../src/simulator/Truth.ts"

const anchor = new Date("2025-03-01T09:30:00Z")
const options: WorldOptions = { seed: "world-test", anchor, fixtures: 300, live: 12, mispricings: 5 }

const everyEvent = (opts: WorldOptions) => {
  const view = bookView(generateWorld(opts))
  return bookmakers.map((b) => [view.events(b, "live", 0, opts.anchor), ...[0, 1, 2, 3, 4].map((d) => view.events(b, "upcoming", d, opts.anchor))])
}

describe("world generation", () => {
  it("is deterministic: same seed and anchor, same world and same books", () => {
    assert.deepStrictEqual(groundTruth(generateWorld(options)), groundTruth(generateWorld(options)))
    assert.deepStrictEqual(everyEvent(options), everyEvent(options))
  })

  it("differs with the seed", () => {
    const a = groundTruth(generateWorld(options)).fixtures.map((f) => `${f.home}|${f.away}|${f.kickoff}`)
    const b = groundTruth(generateWorld({ ...options, seed: "another" })).fixtures.map((f) => `${f.home}|${f.away}|${f.kickoff}`)
    const shared = a.filter((x) => b.includes(x)).length
    assert.isBelow(shared, a.length / 10)
  })

  it("has the fixtures asked for, spread over days 0..4, and the matches in play at the anchor", () => {
    const world = generateWorld(options)
    const anchorMs = anchor.getTime()
    const upcoming = world.fixtures.filter((f) => f.kickoffMs > anchorMs)
    const inPlay = world.fixtures.filter((f) => liveState(f.script, anchorMs) !== undefined)
    assert.strictEqual(upcoming.length, 300)
    assert.strictEqual(inPlay.length, 12)
    assert.strictEqual(world.fixtures.length, 312)
    const perDay = [0, 1, 2, 3, 4].map((d) => upcoming.filter((f) => utcDay(f.kickoffMs) === utcDay(anchorMs) + d).length)
    assert.deepStrictEqual(perDay, [60, 60, 60, 60, 60])
    assert.isTrue(world.fixtures.every((f, i) => f.index === i && (i === 0 || world.fixtures[i - 1]!.kickoffMs <= f.kickoffMs)))
  })

  it("plays every side at most once a day, and both sides in the fixture's league", () => {
    const world = generateWorld(options)
    const seen = new Set<string>()
    for (const f of world.fixtures) {
      assert.include(f.league.sides, f.home)
      assert.include(f.league.sides, f.away)
      assert.notStrictEqual(f.home, f.away)
      for (const side of [f.home, f.away]) {
        // Matches in play count as today's.
        const key = `${side.id}@${Math.max(utcDay(f.kickoffMs), utcDay(anchor.getTime()))}`
        assert.isFalse(seen.has(key), `${side.name} twice on one day`)
        seen.add(key)
      }
    }
  })

  it("lets each bookmaker list 85–95 % of fixtures with its own unique ids and kickoffs within 5 minutes", () => {
    const truth = groundTruth(generateWorld({ ...options, fixtures: 2000 }))
    for (const b of bookmakers) {
      const listed = truth.fixtures.flatMap((f) => f.listings.filter((l) => l.bookmaker === b))
      const share = listed.length / truth.fixtures.length
      assert.isAbove(share, 0.83, b)
      assert.isBelow(share, 0.97, b)
      assert.strictEqual(new Set(listed.map((l) => l.eventId)).size, listed.length, `${b} ids unique`)
      assert.isTrue(listed.some((l) => l.markets.length < 3), `${b} omits some markets`)
    }
    let shifted = 0
    for (const f of truth.fixtures) {
      const kickoffs = f.listings.map((l) => Date.parse(l.kickoff))
      const spread = Math.max(...kickoffs) - Math.min(...kickoffs)
      assert.isAtMost(spread, 5 * 60_000, f.fixtureId)
      assert.isTrue(kickoffs.every((k) => k >= Date.parse(f.kickoff)))
      if (spread > 0) shifted++
    }
    assert.isAbove(shifted, truth.fixtures.length / 10)
    const eventIds = truth.fixtures.flatMap((f) => f.listings.map((l) => l.eventId))
    assert.isAbove(new Set(eventIds).size, eventIds.length * 0.99, "ids differ between bookmakers")
  })

  it("tells in its ground truth exactly what each bookmaker serves", () => {
    const world = generateWorld(options)
    const truth = groundTruth(world)
    const view = bookView(world)
    const listings = new Map(truth.fixtures.flatMap((f) => f.listings.map((l) => [`${f.fixtureId}/${l.bookmaker}`, l] as const)))
    let served = 0
    for (const b of bookmakers) {
      for (const events of [view.events(b, "live", 0, anchor), ...[0, 1, 2, 3, 4].map((d) => view.events(b, "upcoming", d, anchor))]) {
        for (const e of events) {
          const l = listings.get(`${e.fixtureId}/${b}`)
          assert.isDefined(l, `${b} ${e.fixtureId}`)
          assert.deepStrictEqual([l!.eventId, l!.home, l!.away, l!.kickoff, l!.league], [e.eventId, e.home, e.away, e.kickoff, e.league])
          assert.deepStrictEqual([...l!.markets].sort(), Object.keys(e.markets).sort())
          served++
        }
      }
    }
    assert.strictEqual(served, listings.size, "every listing is served at the anchor")
  })

  it("moves today's fixtures to tomorrow when the anchor leaves no kickoff slot today", () => {
    const late = new Date("2025-03-01T23:50:00Z")
    const world = generateWorld({ ...options, anchor: late })
    const days = world.fixtures.filter((f) => f.kickoffMs > late.getTime()).map((f) => utcDay(f.kickoffMs) - utcDay(late.getTime()))
    assert.strictEqual(days.filter((d) => d === 0).length, 0)
    assert.strictEqual(days.filter((d) => d === 1).length, 120)
    assert.strictEqual(world.fixtures.filter((f) => liveState(f.script, late.getTime()) !== undefined).length, 12)
  })

  it("scales to a 2,000-fixture day and 5,000+ events per bookmaker", () => {
    const world = generateWorld({ ...options, fixtures: 10_000, live: 40 })
    const view = bookView(world)
    const day1 = world.fixtures.filter((f) => utcDay(f.kickoffMs) === utcDay(anchor.getTime()) + 1)
    assert.isAtLeast(day1.length, 2000)
    const alpha = [0, 1, 2, 3, 4].reduce((n, d) => n + view.events("BookieAlpha", "upcoming", d, anchor).length, 0)
    assert.isAtLeast(alpha, 5000)
    const names = new Set(world.teams.sides.map((s) => s.name))
    assert.strictEqual(names.size, world.teams.sides.length, "canonical names are unique")
    assert.isAtLeast(world.options.anchor.getTime() + 5 * dayMs, world.fixtures.at(-1)!.kickoffMs)
  })
})
