// Matches in play: minute, score and prices are a function of the clock; markets are suspended around goals;
// a fixture moves from the pre-match book to the in-play book at kickoff and leaves it at the final whistle.
import { assert, describe, it } from "@effect/vitest"
import { liveState, matchEndMs, type MatchScript, nearGoal } from "../../src/simulator/LiveClock.ts"
import { bookView } from "../../src/simulator/SimBookView.ts"
import { generateWorld, utcDay } from "../../src/simulator/SimWorld.ts"

const minute = 60_000
const kickoffMs = Date.parse("2025-03-01T15:00:00Z")
const script: MatchScript = {
  kickoffMs,
  firstHalfStoppage: 2,
  secondHalfStoppage: 4,
  goals: [{ minute: 10, team: "home" }, { minute: 50, team: "away" }, { minute: 88, team: "home" }]
}
const at = (minutes: number) => liveState(script, kickoffMs + minutes * minute)

describe("live clock", () => {
  it("walks through both halves, half time and stoppage time", () => {
    assert.isUndefined(at(-1))
    assert.deepStrictEqual(at(0), { minute: 1, played: 0, homeScore: 0, awayScore: 0, phase: "first half" })
    assert.deepStrictEqual(at(12.5), { minute: 13, played: 12, homeScore: 1, awayScore: 0, phase: "first half" })
    assert.deepStrictEqual(at(46), { minute: 47, played: 45, homeScore: 1, awayScore: 0, phase: "first half" })
    assert.deepStrictEqual(at(50), { minute: 45, played: 45, homeScore: 1, awayScore: 0, phase: "half time" })
    assert.deepStrictEqual(at(62), { minute: 46, played: 45, homeScore: 1, awayScore: 0, phase: "second half" })
    assert.deepStrictEqual(at(70), { minute: 54, played: 53, homeScore: 1, awayScore: 1, phase: "second half" })
    assert.deepStrictEqual(at(109), { minute: 93, played: 90, homeScore: 2, awayScore: 1, phase: "second half" })
    assert.isUndefined(at(111))
    assert.strictEqual(matchEndMs(script), kickoffMs + 111 * minute)
  })

  it("flags the minutes around a goal", () => {
    assert.deepStrictEqual([8, 9, 10, 11, 12].map((p) => nearGoal(script, p)), [false, true, true, true, false])
  })
})

describe("matches in play", () => {
  const anchor = new Date("2025-03-01T16:02:00Z")
  const world = generateWorld({ seed: "live", anchor, fixtures: 300, live: 30, mispricings: 0 })
  const view = bookView(world)
  const after = (minutes: number) => new Date(anchor.getTime() + minutes * minute)

  it("move minute and score forward with time, and end", () => {
    const start = view.events("BookieAlpha", "live", 0, anchor)
    assert.isAbove(start.length, 20)
    let advanced = 0
    let scored = 0
    for (const event of start) {
      const later = view.events("BookieAlpha", "live", 0, after(10)).find((e) => e.eventId === event.eventId)
      if (later === undefined) continue // finished meanwhile
      assert.isAtLeast(later.live!.minute, Math.min(event.live!.minute, 45))
      if (later.live!.minute > event.live!.minute) advanced++
      assert.isAtLeast(later.live!.homeScore, event.live!.homeScore)
      assert.isAtLeast(later.live!.awayScore, event.live!.awayScore)
      if (later.live!.homeScore + later.live!.awayScore > event.live!.homeScore + event.live!.awayScore) scored++
    }
    assert.isAbove(advanced, 10)
    assert.isAbove(scored, 0)
    const ids = new Set(start.map((e) => e.fixtureId))
    const stillOn = view.events("BookieAlpha", "live", 0, after(115)).filter((e) => ids.has(e.fixtureId))
    assert.strictEqual(stillOn.length, 0, "every match in play at the anchor has ended 115 minutes later")
  })

  it("move prices with the state of play", () => {
    const first = view.events("BookieBeta", "live", 0, anchor)
    const second = view.events("BookieBeta", "live", 0, after(5))
    const moved = first.filter((e) => {
      const later = second.find((x) => x.eventId === e.eventId)
      return later !== undefined && JSON.stringify(later.markets) !== JSON.stringify(e.markets)
    })
    assert.isAbove(moved.length, first.length / 2)
  })

  it("suspend every market around a goal", () => {
    const fixture = world.fixtures.find((f) => f.kickoffMs > anchor.getTime() && f.script.goals.some((g) => g.minute > 5 && g.minute < 40))!
    const goal = fixture.script.goals.find((g) => g.minute > 5 && g.minute < 40)!
    const listing = (["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta"] as const).find((b) => world.listings[b][fixture.index] !== undefined)!
    const during = view.events(listing, "live", 0, new Date(fixture.kickoffMs + (goal.minute + 0.5) * minute)).find((e) => e.fixtureId === fixture.id)!
    for (const prices of Object.values(during.markets)) assert.isTrue(Object.values(prices ?? {}).every((p) => p === null))
    const before = view.events(listing, "live", 0, new Date(fixture.kickoffMs + (goal.minute - 3) * minute)).find((e) => e.fixtureId === fixture.id)!
    assert.isTrue(Object.values(before.markets.three_way ?? { x: 1 }).some((p) => p !== null))
  })

  it("take a fixture off the pre-match book and into play at kickoff", () => {
    const fixture = world.fixtures.find((f) => f.kickoffMs > anchor.getTime() && world.listings.BookieGamma[f.index] !== undefined)!
    const day = utcDay(fixture.kickoffMs) - utcDay(anchor.getTime())
    const justBefore = new Date(fixture.kickoffMs - 1000)
    const justAfter = new Date(fixture.kickoffMs + 1000)
    assert.isTrue(view.events("BookieGamma", "upcoming", day, justBefore).some((e) => e.fixtureId === fixture.id))
    assert.isFalse(view.events("BookieGamma", "live", 0, justBefore).some((e) => e.fixtureId === fixture.id))
    assert.isFalse(view.events("BookieGamma", "upcoming", day, justAfter).some((e) => e.fixtureId === fixture.id))
    const live = view.events("BookieGamma", "live", 0, justAfter).find((e) => e.fixtureId === fixture.id)
    assert.deepStrictEqual(live?.live, { minute: 1, homeScore: 0, awayScore: 0 })
  })
})
