import { assert, describe, it } from "@effect/vitest"
import { Duration } from "effect"
import { bookmakers, markets } from "../../src/domain/Market.ts"
import type { GroupInfo } from "../../src/redis/RedisStore.ts"
import { backlogOf, cadences, overLimit, type Plan, planRound, roomFor, stamped } from "../../src/scheduler/plan.ts"

const plan: Plan = {
  liveEvery: Duration.seconds(5),
  upcomingEvery: Duration.minutes(5),
  days: 5,
  bookmakers,
  markets
}

const group = (over: Partial<GroupInfo>): GroupInfo => ({
  name: "bookies-workers",
  consumers: 1,
  pending: 0,
  lastDeliveredId: "0-0",
  lag: 0,
  ...over
})

describe("planRound", () => {
  it("live: one job per bookmaker on each market's live stream, stream_date live", () => {
    const round = planRound(plan, "live")
    assert.deepStrictEqual(round.map((r) => r.stream), ["XTR-BTTS_live_stream", "XTR-THREE_WAY_live_stream", "XTR-DOUBLE_CHANCE_live_stream"])
    for (const [i, r] of round.entries()) {
      assert.deepStrictEqual(r.jobs.map((j) => j.bookmaker), [...bookmakers])
      for (const job of r.jobs) {
        assert.deepStrictEqual(
          { ...job, bookmaker: "" },
          { bookmaker: "", extractor_type: markets[i]!, data_source: "live", stream_date: "live" }
        )
      }
    }
  })

  it("upcoming: every bookmaker for every day offset 0..days-1, period by period", () => {
    const round = planRound({ ...plan, days: 3, bookmakers: ["BookieBeta", "BookieDelta"], markets: ["btts"] }, "upcoming")
    assert.strictEqual(round.length, 1)
    assert.strictEqual(round[0]!.stream, "XTR-BTTS_upcoming_stream")
    assert.deepStrictEqual(
      round[0]!.jobs.map((j) => `${j.bookmaker}/${j.stream_date}/${j.data_source}/${j.extractor_type}`),
      [
        "BookieBeta/0/upcoming/btts",
        "BookieDelta/0/upcoming/btts",
        "BookieBeta/1/upcoming/btts",
        "BookieDelta/1/upcoming/btts",
        "BookieBeta/2/upcoming/btts",
        "BookieDelta/2/upcoming/btts"
      ]
    )
  })

  it("stamped: the job's fields and its enqueue time", () => {
    const [job] = planRound({ ...plan, bookmakers: ["BookieGamma"], markets: ["btts"] }, "live")[0]!.jobs
    assert.deepStrictEqual(stamped(job!, 42), {
      bookmaker: "BookieGamma",
      extractor_type: "btts",
      data_source: "live",
      stream_date: "live",
      enqueued_at: "42"
    })
  })

  it("cadences: live on its interval, upcoming on its own", () => {
    assert.deepStrictEqual(
      cadences(plan).map((c) => [c.source, Duration.toMillis(c.every)]),
      [["live", 5_000], ["upcoming", 300_000]]
    )
  })
})

describe("backlogOf / overLimit", () => {
  it("pending plus lag of the workers' group", () => {
    const backlog = backlogOf([group({ name: "other", pending: 99, lag: 99 }), group({ pending: 3, lag: 7 })], "bookies-workers", 500)
    assert.deepStrictEqual(backlog, { pending: 3, undelivered: 7 })
    assert.isFalse(overLimit(backlog, 10))
    assert.isTrue(overLimit(backlog, 9))
  })

  it("no group yet: the whole stream is undelivered", () => {
    assert.deepStrictEqual(backlogOf([], "bookies-workers", 12), { pending: 0, undelivered: 12 })
    assert.deepStrictEqual(backlogOf([group({ name: "other" })], "bookies-workers", 12), { pending: 0, undelivered: 12 })
  })

  it("roomFor: what undelivered jobs and jobs delivered less than waitMs ago leave of the in-flight allowance", () => {
    const limits = { inflight: 2, waitMs: 1_000 }
    assert.strictEqual(roomFor(0, [], limits), 2)
    assert.strictEqual(roomFor(1, [], limits), 1)
    assert.strictEqual(roomFor(0, [{ idleMs: 999 }], limits), 1)
    assert.strictEqual(roomFor(0, [{ idleMs: 1_000 }, { idleMs: 60_000 }], limits), 2) // slow, failed or orphaned
    assert.strictEqual(roomFor(1, [{ idleMs: 10 }], limits), 0)
    assert.strictEqual(roomFor(5, [], limits), 0)
  })

  it("lag unknown (entries deleted): falls back to the stream length", () => {
    assert.deepStrictEqual(backlogOf([group({ pending: 2, lag: null })], "bookies-workers", 30), { pending: 2, undelivered: 30 })
  })
})
