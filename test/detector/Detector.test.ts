// The detector on the in-memory store, with TestClock: lifecycle events, idempotent publication,
// reliability (ack after writes, reclaim, dead letters, NOGROUP) and the restored active set.
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Stream } from "effect"
import type { DataSource } from "../../src/domain/Market.ts"
import { TestClock } from "effect/testing"
import type { OpportunityEvent } from "../../src/mispricing/detector/Detector.ts"
import { latencySummary } from "../../src/mispricing/detector/latency.ts"
import { activeOpportunities, entryKey, matchedStream } from "../../src/redis/keys.ts"
import { layerMemory } from "../../src/redis/memory.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import {
  bttsArbitrage,
  detectorOn,
  eventsOf,
  faulty,
  fixtureKey,
  lost,
  matched,
  pendingCount,
  published,
  quote,
  start,
  streamFields
} from "./support.ts"

const bttsStream = matchedStream("upcoming", "btts")
const arbitrageNew = "new arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"

/** Collects the in-process events in the background. */
const collect = (events: Stream.Stream<OpportunityEvent>) =>
  Effect.gen(function*() {
    const seen: Array<OpportunityEvent> = []
    const fiber = yield* events.pipe(Stream.runForEach((e) => Effect.sync(() => seen.push(e))), Effect.forkChild)
    yield* TestClock.adjust(0) // let the subscription start
    return { seen, stop: Fiber.interrupt(fiber) }
  })

const setup = Effect.gen(function*() {
  yield* TestClock.setTime(start)
  return yield* RedisStore
})

/** Detector d1 on `store`, with the btts arbitrage on its entry and the entry's matched message waiting. */
const arbitrageFor = (store: RedisStore["Service"], source: DataSource = "upcoming") =>
  Effect.gen(function*() {
    const detector = yield* detectorOn(store, "d1")
    yield* bttsArbitrage(2.1, 2.1, fixtureKey, source)
    yield* matched("btts", { source })
    return detector
  })

describe("Detector lifecycle", () => {
  it.effect("an arbitrage is published once as new, then not again while unchanged", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      const inProcess = yield* collect(detector.events)
      const latencyBefore = (yield* latencySummary).count

      yield* bttsArbitrage()
      yield* matched("btts", { enqueuedAt: start - 1500 })
      const report = yield* detector.poll
      assert.deepStrictEqual(report, { acked: 1, deadLettered: 0, published: 1, failed: 0 })

      const events = yield* published
      assert.deepStrictEqual(eventsOf(events), [arbitrageNew])
      const event = events[0]!
      assert.strictEqual(event.fixture, fixtureKey)
      assert.strictEqual(event.fixture_name, "Arsenal v Chelsea")
      assert.strictEqual(event.source, "upcoming")
      assert.strictEqual(event.markets, "btts")
      assert.strictEqual(event.detected_at, new Date(start).toISOString())
      assert.closeTo(Number(event.roi), 2.1 / 2 - 1, 1e-9)
      const legs = JSON.parse(event.legs!) as ReadonlyArray<{ stake: number; age_ms: number; market: string }>
      assert.closeTo(legs.reduce((s, l) => s + l.stake, 0), 100, 0.011)
      assert.deepStrictEqual(legs.map((l) => [l.market, l.age_ms]), [["btts", 0], ["btts", 0]])

      const active = yield* store.zrangeDesc(activeOpportunities, 10)
      assert.deepStrictEqual(active.map(([id]) => id), [event.id])
      assert.closeTo(active[0]![1], 2.1 / 2 - 1, 1e-9)
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
      assert.strictEqual((yield* latencySummary).count - latencyBefore, 1)

      // The same prices polled again: acknowledged, nothing published.
      yield* bttsArbitrage()
      yield* matched("btts")
      assert.deepStrictEqual(yield* detector.poll, { acked: 1, deadLettered: 0, published: 0, failed: 0 })
      assert.strictEqual((yield* published).length, 1)
      assert.strictEqual(yield* pendingCount(bttsStream), 0)

      yield* TestClock.adjust(0)
      assert.deepStrictEqual(inProcess.seen.map((e) => `${e.event} ${e.opportunity.id}`), [`new ${event.id}`])
      assert.strictEqual(inProcess.seen[0]!.entryId, (yield* store.range("opportunities", "-", "+", 1))[0]!.id)
      yield* inProcess.stop
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a price move is published as updated, keeping the first-seen time", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* arbitrageFor(store)
      yield* detector.poll
      yield* TestClock.adjust("5 seconds")
      yield* bttsArbitrage(2.2)
      yield* matched("btts")
      assert.strictEqual((yield* detector.poll).published, 1)

      const events = yield* published
      assert.deepStrictEqual(eventsOf(events), [arbitrageNew, "updated arbitrage yes@BookieAlpha:2.2 no@BookieBeta:2.1"])
      assert.strictEqual(events[1]!.id, events[0]!.id)
      assert.strictEqual(events[1]!.since, new Date(start).toISOString())
      assert.strictEqual(events[1]!.detected_at, new Date(start + 5000).toISOString())
      const [active] = yield* detector.active
      assert.strictEqual(active!.opportunity.legs[0]!.price, 2.2)
      assert.closeTo((yield* store.zrangeDesc(activeOpportunities, 10))[0]![1], 1 / (1 / 2.2 + 1 / 2.1) - 1, 1e-9)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a suspended leg makes it gone", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* arbitrageFor(store)
      yield* detector.poll
      yield* quote("BookieBeta", "btts", { yes: 1.8, no: null })
      yield* matched("btts")
      assert.strictEqual((yield* detector.poll).published, 1)
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew, "gone arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"])
      assert.deepStrictEqual(yield* store.zrangeDesc(activeOpportunities, 10), [])
      assert.deepStrictEqual(yield* detector.active, [])
    }).pipe(Effect.provide(layerMemory)))

  // PRICE_FRESHNESS_LIVE and PRICE_FRESHNESS_UPCOMING defaults.
  it.effect.each([["live", 60_000], ["upcoming", 15 * 60_000]] as const)(
    "a %s leg that goes stale (after %d ms) makes it gone at the next sweep, without any new message",
    ([source, freshnessMs]) =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* arbitrageFor(store, source)
      yield* detector.poll
      yield* TestClock.adjust(freshnessMs - 1_000)
      assert.strictEqual((yield* detector.sweep).published, 0)
      yield* TestClock.adjust("2 seconds")
      assert.strictEqual((yield* detector.sweep).published, 1)
      const events = yield* published
      assert.deepStrictEqual(eventsOf(events), [arbitrageNew, "gone arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"])
      const legs = JSON.parse(events[1]!.legs!) as ReadonlyArray<{ age_ms: number }>
      assert.deepStrictEqual(legs.map((l) => l.age_ms), [freshnessMs + 1_000, freshnessMs + 1_000])
      assert.deepStrictEqual(yield* store.zrangeDesc(activeOpportunities, 10), [])
      assert.strictEqual((yield* detector.sweep).published, 0) // nothing active: nothing to re-price
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a message on one market re-prices the fixture's three markets together (cross-market arbitrage)", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      yield* quote("BookieAlpha", "three_way", { home: 2.2, draw: 3.3, away: 3.4 })
      yield* quote("BookieBeta", "double_chance", { "1X": 1.25, "12": 1.3, X2: 2.0 })
      yield* matched("three_way")
      assert.strictEqual((yield* detector.poll).published, 1)
      const [event] = yield* published
      assert.strictEqual(event!.markets, "three_way,double_chance")
      assert.deepStrictEqual(eventsOf([event!]), ["new arbitrage home@BookieAlpha:2.2 X2@BookieBeta:2"])
      assert.closeTo(Number(event!.roi), 1 / (1 / 2.2 + 1 / 2) - 1, 1e-9)
      assert.strictEqual(yield* pendingCount(matchedStream("upcoming", "three_way")), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("live and upcoming entries of the same fixture are priced apart", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      yield* bttsArbitrage()
      yield* quote("BookieAlpha", "btts", { yes: 1.9, no: 1.9 }, { source: "live" })
      yield* quote("BookieBeta", "btts", { yes: 1.9, no: 1.9 }, { source: "live" })
      yield* matched("btts", { source: "live" })
      assert.strictEqual((yield* detector.poll).published, 0)
      yield* matched("btts")
      assert.strictEqual((yield* detector.poll).published, 1)
      assert.deepStrictEqual((yield* published).map((e) => e.source), ["upcoming"])
    }).pipe(Effect.provide(layerMemory)))
})

describe("Detector reliability", () => {
  it.effect("acknowledgement lost after the writes: the redelivered message publishes nothing twice", () =>
    Effect.gen(function*() {
      const store = yield* setup
      let dropped = 0
      const crashing = faulty(store, (commands) =>
        commands.every((c) => c.op === "xack") && dropped++ === 0 ? lost("exec") : undefined)
      const first = yield* arbitrageFor(crashing)
      const failed = yield* Effect.flip(first.poll)
      assert.strictEqual(failed._tag, "RedisError")
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
      assert.strictEqual(yield* pendingCount(bttsStream), 1)

      // The same process takes it back once idle: known state, nothing new.
      yield* TestClock.adjust("31 seconds")
      assert.deepStrictEqual(yield* first.reclaim, { acked: 1, deadLettered: 0, published: 0, failed: 0 })
      assert.strictEqual((yield* published).length, 1)
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a read whose reply was lost: the next poll re-reads this consumer's pending entries at once", () =>
    Effect.gen(function*() {
      const store = yield* setup
      let lose = true
      const lossy = RedisStore.of({
        ...store,
        readGroup: (req) =>
          lose
            ? store.readGroup(req).pipe(Effect.andThen(() => {
              lose = false
              return lost("readGroup")
            }))
            : store.readGroup(req)
      })
      const detector = yield* arbitrageFor(lossy)
      yield* Effect.flip(detector.poll)
      assert.strictEqual(yield* pendingCount(bttsStream), 1)
      assert.deepStrictEqual(yield* detector.poll, { acked: 1, deadLettered: 0, published: 1, failed: 0 })
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a batch whose writes failed is retried by the next poll, without waiting to be reclaimed", () =>
    Effect.gen(function*() {
      const store = yield* setup
      let failures = 1
      const flaky = faulty(store, (commands) =>
        failures > 0 && commands.some((c) => c.op === "publishOnce") ? (failures--, lost("exec")) : undefined)
      const detector = yield* arbitrageFor(flaky)
      yield* Effect.flip(detector.poll)
      assert.deepStrictEqual(yield* published, [])
      assert.deepStrictEqual(yield* detector.poll, { acked: 1, deadLettered: 0, published: 1, failed: 0 })
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("crash mid-pipeline (event appended, active set not): a restarted detector does not publish it again", () =>
    Effect.gen(function*() {
      const store = yield* setup
      let crashed = false
      // Only the publish-once commands of the first publication reach Redis, then the connection drops.
      const crashing = faulty(store, (commands) => {
        if (crashed || !commands.some((c) => c.op === "publishOnce")) return undefined
        crashed = true
        return store.exec(commands.filter((c) => c.op === "publishOnce")).pipe(Effect.andThen(lost("exec")))
      })
      const first = yield* arbitrageFor(crashing)
      yield* Effect.flip(first.poll)
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
      assert.deepStrictEqual(yield* store.zrangeDesc(activeOpportunities, 10), [])

      // A new process (another consumer) restores an empty active set and reclaims the message.
      yield* TestClock.adjust("31 seconds")
      const second = yield* detectorOn(store, "d2")
      const inProcess = yield* collect(second.events)
      assert.deepStrictEqual(yield* second.reclaim, { acked: 1, deadLettered: 0, published: 0, failed: 0 })
      assert.strictEqual((yield* published).length, 1)
      assert.strictEqual((yield* store.zrangeDesc(activeOpportunities, 10)).length, 1)
      assert.strictEqual((yield* second.active).length, 1)
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
      yield* TestClock.adjust(0)
      assert.deepStrictEqual(inProcess.seen, [])
      yield* inProcess.stop
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a restarted detector restores the active set: unchanged prices publish nothing, a move publishes updated", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const first = yield* arbitrageFor(store)
      yield* first.poll
      const second = yield* detectorOn(store, "d2")
      assert.deepStrictEqual((yield* second.active).map((t) => t.id), (yield* first.active).map((t) => t.id))
      yield* matched("btts")
      assert.strictEqual((yield* second.poll).published, 0)
      yield* bttsArbitrage(2.1, 2.3)
      yield* matched("btts")
      assert.strictEqual((yield* second.poll).published, 1)
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew, "updated arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.3"])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("poison messages are dead-lettered and acknowledged on first delivery", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      yield* store.add(bttsStream, { foo: "bar" })
      yield* store.add(bttsStream, { data_key: "entry:nowhere" })
      yield* store.add(bttsStream, { data_key: entryKey("upcoming", "btts", fixtureKey), enqueued_at: "yesterday-ish" })
      yield* matched("btts", { fixture: "no-such-fixture" }) // well-formed, just nothing to price
      assert.deepStrictEqual(yield* detector.poll, { acked: 4, deadLettered: 3, published: 0, failed: 0 })
      const dead = yield* streamFields(`${bttsStream}:dead`)
      assert.deepStrictEqual(dead.map((f) => [f.foo ?? f.data_key, f.dead_reason!.split(":")[0]]), [
        ["bar", "undecodable matched message"],
        ["entry:nowhere", "data_key is not an entry key"],
        [entryKey("upcoming", "btts", fixtureKey), "undecodable matched message"]
      ])
      assert.isTrue(dead.every((f) => f.dead_at === new Date(start).toISOString() && f.dead_id !== undefined))
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a message that keeps failing is retried, then dead-lettered after DETECT_MAX_DELIVERIES", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const bad = entryKey("upcoming", "btts", "bad-fixture")
      const failing = faulty(store, (commands) =>
        commands.some((c) => c.op === "hgetall" && c.key === bad) ? lost("exec") : undefined)
      const detector = yield* detectorOn(failing, "d1") // maxDeliveries: 3
      yield* matched("btts", { fixture: "bad-fixture" })
      yield* Effect.flip(detector.poll) // delivery 1
      for (let delivery = 2; delivery <= 3; delivery++) {
        yield* TestClock.adjust("31 seconds")
        yield* Effect.flip(detector.reclaim)
        assert.strictEqual(yield* pendingCount(bttsStream), 1)
      }
      yield* TestClock.adjust("31 seconds")
      assert.deepStrictEqual(yield* detector.reclaim, { acked: 1, deadLettered: 1, published: 0, failed: 0 })
      const [dead] = yield* streamFields(`${bttsStream}:dead`)
      assert.strictEqual(dead!.data_key, bad)
      assert.strictEqual(dead!.dead_reason, "gave up after 3 deliveries: exec: connection lost")
      assert.strictEqual(yield* pendingCount(bttsStream), 0)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("NOGROUP (Redis restarted empty): the group is recreated and consumption goes on", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      yield* store.exec([{ op: "del", key: bttsStream }])
      assert.deepStrictEqual(yield* detector.poll, { acked: 0, deadLettered: 0, published: 0, failed: 0 })
      assert.isTrue((yield* store.groups(bttsStream)).some((g) => g.name === "bookies-detector"))
      yield* bttsArbitrage()
      yield* matched("btts")
      assert.strictEqual((yield* detector.poll).published, 1)
    }).pipe(Effect.provide(layerMemory)))

  it.effect("run: reads, reclaims and sweeps on its own until interrupted", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      const fiber = yield* detector.run.pipe(Effect.forkChild)
      yield* bttsArbitrage(2.1, 2.1, fixtureKey, "live")
      yield* matched("btts", { source: "live" })
      yield* TestClock.adjust("100 millis")
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
      yield* TestClock.adjust("74 seconds") // swept every 15 s: at 60 s the live quotes are just fresh still
      assert.strictEqual((yield* published).length, 1)
      yield* TestClock.adjust("1 second") // the sweep at 75 s finds them stale
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew, "gone arbitrage yes@BookieAlpha:2.1 no@BookieBeta:2.1"])
      assert.strictEqual(yield* pendingCount(matchedStream("live", "btts")), 0)
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(layerMemory)))
})

describe("Detector across polling rounds", () => {
  const round = Duration.minutes(5) // SCHED_UPCOMING_EVERY default
  const crossNew = "new arbitrage home@BookieAlpha:2.2 X2@BookieBeta:2"

  /** The detector's sweeps (every DETECT_SWEEP_EVERY, 15 s) until `duration` has passed. */
  const sweepFor = (detector: { readonly sweep: Effect.Effect<unknown, unknown> }, duration: Duration.Duration) =>
    Effect.gen(function*() {
      for (let left = Duration.toMillis(duration); left > 0; left -= 15_000) {
        yield* TestClock.adjust(Math.min(15_000, left))
        yield* detector.sweep
      }
    })

  it.effect("upcoming polled every 5 minutes with unchanged prices: each opportunity is new once, then stays active", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      for (let r = 0; r < 4; r++) {
        // One round: btts and three_way fetched at once, double chance's job 50 s later (another stream).
        yield* bttsArbitrage()
        yield* quote("BookieAlpha", "three_way", { home: 2.2, draw: 3.3, away: 3.4 })
        yield* matched("btts")
        yield* matched("three_way")
        yield* detector.poll
        yield* sweepFor(detector, Duration.seconds(50))
        yield* quote("BookieBeta", "double_chance", { "1X": 1.25, "12": 1.3, X2: 2.0 })
        yield* matched("double_chance")
        yield* detector.poll
        yield* sweepFor(detector, Duration.subtract(round, Duration.seconds(50)))
        assert.strictEqual((yield* detector.active).length, 2, `round ${r}`)
      }
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew, crossNew])
      // Still first seen at the start, with the last round's fetch times (shown as the legs' ages).
      const btts = (yield* detector.active).find((t) => t.opportunity.markets.join() === "btts")!
      assert.strictEqual(btts.since, start)
      assert.deepStrictEqual(btts.opportunity.legs.map((l) => l.fetchedAt), [start + 3 * 300_000, start + 3 * 300_000])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("two bookmakers at the same best price, fetched in alternating order: no updated events", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      for (let r = 0; r < 4; r++) {
        // BookieGamma also offers yes at 2.1, fetched now just after, now just before BookieAlpha.
        yield* quote("BookieAlpha", "btts", { yes: 2.1, no: 1.7 }, { ageMs: r % 2 === 0 ? 2_000 : 0 })
        yield* quote("BookieGamma", "btts", { yes: 2.1, no: 1.7 }, { ageMs: 1_000 })
        yield* quote("BookieBeta", "btts", { yes: 1.8, no: 2.1 })
        yield* matched("btts")
        yield* detector.poll
        yield* TestClock.adjust("5 seconds")
      }
      assert.deepStrictEqual(eventsOf(yield* published), [arbitrageNew])
    }).pipe(Effect.provide(layerMemory)))

  it.effect("a bookmaker that comes to tie the chosen price does not take the leg over", () =>
    Effect.gen(function*() {
      const store = yield* setup
      const detector = yield* detectorOn(store, "d1")
      yield* quote("BookieGamma", "btts", { yes: 2.1, no: 1.7 })
      yield* quote("BookieBeta", "btts", { yes: 1.8, no: 2.1 })
      yield* quote("BookieAlpha", "btts", { yes: 2.0, no: 1.7 })
      yield* matched("btts")
      yield* detector.poll
      yield* TestClock.adjust("5 seconds")
      yield* quote("BookieAlpha", "btts", { yes: 2.1, no: 1.7 }) // now as good as BookieGamma, and first by name
      yield* matched("btts")
      assert.strictEqual((yield* detector.poll).published, 0)
      assert.deepStrictEqual(eventsOf(yield* published), ["new arbitrage yes@BookieGamma:2.1 no@BookieBeta:2.1"])
    }).pipe(Effect.provide(layerMemory)))
})
