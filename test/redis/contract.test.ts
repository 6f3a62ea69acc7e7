// One contract for RedisStore, run against the in-memory layer and against a real redis-server.
// Live time on both (small real durations); every key is unique per test, so a shared server is fine.
import { assert, describe, layer } from "@effect/vitest"
import type { Vitest } from "@effect/vitest"
import { Cause, Effect, Exit, Fiber, Layer } from "effect"
import { vi } from "vitest"
import { layerIoredis } from "../../src/redis/ioredis.ts"
import { layerMemory } from "../../src/redis/memory.ts"
import { RedisConfig } from "../../src/redis/RedisConfig.ts"
import { RedisStore } from "../../src/redis/RedisStore.ts"
import type { Command, Reply, StreamEntry } from "../../src/redis/RedisStore.ts"
import { compareIds, parseId } from "../../src/redis/streamId.ts"
import { freePort, RedisTestServer, skipWithoutRedis } from "../support/redisServer.ts"

const uid = () => crypto.randomUUID().slice(0, 8)
const keyFor = (name: string) => `contract:${name}:${uid()}`
const ids = (entries: ReadonlyArray<StreamEntry>) => entries.map((e) => e.id)
const count = (reply: Reply | undefined) => (reply?.op === "count" ? reply.n : assert.fail(`not a count: ${JSON.stringify(reply)}`))

/** Small timeouts so that failures show quickly. */
const testConfig = (url: string) =>
  RedisConfig.layerFromEnv({
    REDIS_URL: url,
    REDIS_COMMAND_TIMEOUT: "2 seconds",
    REDIS_CONNECT_TIMEOUT: "2 seconds",
    REDIS_READ_MARGIN: "1 second",
    REDIS_CLOSE_TIMEOUT: "1 second"
  })

/** Adds `n` entries `{ n: "0" … }` and returns their ids. */
const addN = (stream: string, n: number) =>
  RedisStore.use((store) => Effect.forEach(Array.from({ length: n }, (_, i) => i), (i) => store.add(stream, { n: String(i) })))

const readNew = (stream: string, group: string, consumer: string, count = 10, blockMs = 0) =>
  RedisStore.use((store) => store.readGroup({ group, consumer, streams: [{ stream, id: ">" }], count, blockMs }))

const contract = (it: Vitest.MethodsNonLive<RedisStore>) => {
  it.effect("ensureGroup creates the stream and the group once (MKSTREAM, idempotent)", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("group")
      assert.isTrue(yield* store.ensureGroup(stream, "g"))
      assert.isFalse(yield* store.ensureGroup(stream, "g"))
      assert.strictEqual(yield* store.streamLength(stream), 0)
      assert.deepStrictEqual(yield* store.groups(stream), [
        { name: "g", consumers: 0, pending: 0, lastDeliveredId: "0-0", lag: 0 }
      ])
      assert.deepStrictEqual(yield* store.groups(keyFor("nothing")), [])
    }))

  it.effect("XADD ids are ms-seq and strictly increasing", () =>
    Effect.gen(function*() {
      const stream = keyFor("ids")
      const added = yield* addN(stream, 50)
      const parsed = added.map((id) => parseId(id))
      assert.isTrue(parsed.every((id) => id !== undefined && /^\d+-\d+$/.test(`${id.ms}-${id.seq}`)))
      for (let i = 1; i < parsed.length; i++) assert.isBelow(compareIds(parsed[i - 1]!, parsed[i]!), 0)
    }))

  it.effect("XREADGROUP > delivers new entries in order, each once, with their fields", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("read")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      const first = yield* readNew(stream, "g", "c1", 2)
      assert.deepStrictEqual(first, [
        { stream, id: added[0]!, fields: { n: "0" } },
        { stream, id: added[1]!, fields: { n: "1" } }
      ])
      assert.deepStrictEqual(ids(yield* readNew(stream, "g", "c2", 10)), [added[2]!])
      assert.deepStrictEqual(yield* readNew(stream, "g", "c1", 10), [])
    }))

  it.effect("XREADGROUP on several streams serves each with its name", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const a = keyFor("multi-a")
      const b = keyFor("multi-b")
      yield* store.ensureGroup(a, "g")
      yield* store.ensureGroup(b, "g")
      const idA = yield* store.add(a, { k: "a" })
      const idB = yield* store.add(b, { k: "b" })
      const entries = yield* store.readGroup({ group: "g", consumer: "c", streams: [{ stream: a, id: ">" }, { stream: b, id: ">" }], count: 10, blockMs: 0 })
      assert.deepStrictEqual(entries, [{ stream: a, id: idA, fields: { k: "a" } }, { stream: b, id: idB, fields: { k: "b" } }])
    }))

  it.effect("XREADGROUP 0 re-reads only this consumer's pending entries and counts the delivery", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("reread")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      yield* readNew(stream, "g", "c1", 2)
      yield* readNew(stream, "g", "c2", 1)
      const again = yield* store.readGroup({ group: "g", consumer: "c1", streams: [{ stream, id: "0" }], count: 10, blockMs: 0 })
      assert.deepStrictEqual(again, [
        { stream, id: added[0]!, fields: { n: "0" } },
        { stream, id: added[1]!, fields: { n: "1" } }
      ])
      const after = yield* store.readGroup({ group: "g", consumer: "c1", streams: [{ stream, id: added[0]! }], count: 10, blockMs: 0 })
      assert.deepStrictEqual(ids(after), [added[1]!])
      const pending = yield* store.pending({ stream, group: "g", count: 10 })
      assert.deepStrictEqual(pending.map((p) => [p.id, p.consumer, p.deliveries]), [
        [added[0]!, "c1", 2],
        [added[1]!, "c1", 3],
        [added[2]!, "c2", 1]
      ])
    }))

  it.effect("a blocking read returns when an entry arrives", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("block")
      yield* store.ensureGroup(stream, "g")
      // BLOCK 20 s; the entry comes after 100 ms. Waiting the full BLOCK would trip the 10 s bound.
      const reader = yield* Effect.forkChild(readNew(stream, "g", "c", 10, 20_000))
      yield* Effect.sleep("100 millis")
      const id = yield* store.add(stream, { late: "yes" })
      const entries = yield* Fiber.join(reader).pipe(Effect.timeout("10 seconds"))
      assert.deepStrictEqual(entries, [{ stream, id, fields: { late: "yes" } }])
    }))

  it.effect("a blocking read with nothing to serve times out empty; blockMs 0 does not block", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("timeout")
      yield* store.ensureGroup(stream, "g")
      assert.deepStrictEqual(yield* readNew(stream, "g", "c", 10, 100), [])
      assert.deepStrictEqual(yield* readNew(stream, "g", "c", 10, 0), [])
      assert.strictEqual((yield* store.groups(stream))[0]!.pending, 0)
    }))

  it.effect("pending: consumer, delivery count, idle time, range, count and consumer filters", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("pending")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      yield* readNew(stream, "g", "c1", 2)
      yield* readNew(stream, "g", "c2", 1)
      yield* Effect.sleep("30 millis")
      const all = yield* store.pending({ stream, group: "g", count: 10 })
      assert.deepStrictEqual(all.map((p) => [p.id, p.consumer, p.deliveries]), [
        [added[0]!, "c1", 1],
        [added[1]!, "c1", 1],
        [added[2]!, "c2", 1]
      ])
      assert.isTrue(all.every((p) => p.idleMs >= 20))
      assert.deepStrictEqual((yield* store.pending({ stream, group: "g", count: 1 })).map((p) => p.id), [added[0]!])
      assert.deepStrictEqual((yield* store.pending({ stream, group: "g", count: 10, consumer: "c2" })).map((p) => p.id), [added[2]!])
      assert.deepStrictEqual(
        (yield* store.pending({ stream, group: "g", start: added[1]!, end: "+", count: 10 })).map((p) => p.id),
        [added[1]!, added[2]!]
      )
      assert.deepStrictEqual(
        (yield* store.pending({ stream, group: "g", start: `(${added[1]!}`, count: 10 })).map((p) => p.id),
        [added[2]!]
      )
    }))

  it.effect("XAUTOCLAIM takes idle entries, counts the delivery and moves them to the claimer", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("claim")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      yield* readNew(stream, "g", "c1", 10)
      const notIdle = yield* store.autoClaim({ stream, group: "g", consumer: "c2", minIdleMs: 60_000, start: "0", count: 10 })
      assert.deepStrictEqual(notIdle, { next: "0-0", entries: [], deleted: [] })
      yield* Effect.sleep("120 millis")
      const first = yield* store.autoClaim({ stream, group: "g", consumer: "c2", minIdleMs: 100, start: "0", count: 2 })
      assert.deepStrictEqual(first.entries, [
        { stream, id: added[0]!, fields: { n: "0" } },
        { stream, id: added[1]!, fields: { n: "1" } }
      ])
      assert.deepStrictEqual(first.deleted, [])
      assert.strictEqual(first.next, added[2]!)
      const rest = yield* store.autoClaim({ stream, group: "g", consumer: "c2", minIdleMs: 100, start: first.next, count: 2 })
      assert.deepStrictEqual(ids(rest.entries), [added[2]!])
      assert.strictEqual(rest.next, "0-0")
      const pending = yield* store.pending({ stream, group: "g", count: 10 })
      assert.deepStrictEqual(pending.map((p) => [p.consumer, p.deliveries]), [["c2", 2], ["c2", 2], ["c2", 2]])
      assert.isTrue(pending.every((p) => p.idleMs < 100))
      const groups = yield* store.groups(stream)
      assert.strictEqual(groups[0]!.consumers, 2)
    }))

  it.effect("XAUTOCLAIM looks at no more than 10 × COUNT pending entries per call and says where to go on", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("claim-scan")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 12)
      yield* readNew(stream, "g", "c1", 20)
      const scan = yield* store.autoClaim({ stream, group: "g", consumer: "c2", minIdleMs: 60_000, start: "0", count: 1 })
      assert.deepStrictEqual(scan, { next: added[10]!, entries: [], deleted: [] })
    }))

  it.effect("entries deleted while pending: XREADGROUP 0 gives them without fields, XAUTOCLAIM reports and drops them", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("deleted")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      yield* readNew(stream, "g", "c1", 10)
      assert.strictEqual(yield* store.trimMinId(stream, added[2]!), 2)
      const history = yield* store.readGroup({ group: "g", consumer: "c1", streams: [{ stream, id: "0" }], count: 10, blockMs: 0 })
      assert.deepStrictEqual(history, [
        { stream, id: added[0]!, fields: {} },
        { stream, id: added[1]!, fields: {} },
        { stream, id: added[2]!, fields: { n: "2" } }
      ])
      // A deleted entry's delivery is not counted; the live one's is.
      const before = yield* store.pending({ stream, group: "g", count: 10 })
      assert.deepStrictEqual(before.map((p) => p.deliveries), [1, 1, 2])
      const claim = yield* store.autoClaim({ stream, group: "g", consumer: "c2", minIdleMs: 0, start: "0-0", count: 10 })
      assert.deepStrictEqual(claim.deleted, [added[0]!, added[1]!])
      assert.deepStrictEqual(ids(claim.entries), [added[2]!])
      const after = yield* store.pending({ stream, group: "g", count: 10 })
      assert.deepStrictEqual(after.map((p) => [p.id, p.consumer, p.deliveries]), [[added[2]!, "c2", 3]])
    }))

  it.effect("XACK removes entries from the pending list; acknowledging twice counts 0", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("ack")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      yield* readNew(stream, "g", "c", 10)
      const [acked] = yield* store.exec([{ op: "xack", stream, group: "g", ids: [added[0]!, added[1]!] }])
      assert.strictEqual(count(acked), 2)
      const [again] = yield* store.exec([{ op: "xack", stream, group: "g", ids: [added[0]!] }])
      assert.strictEqual(count(again), 0)
      assert.deepStrictEqual((yield* store.pending({ stream, group: "g", count: 10 })).map((p) => p.id), [added[2]!])
      const [other] = yield* store.exec([{ op: "xack", stream, group: "no-such-group", ids: [added[2]!] }])
      assert.strictEqual(count(other), 0)
    }))

  it.effect("XINFO GROUPS: consumers, pending, last-delivered id and lag", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("info")
      yield* store.ensureGroup(stream, "g")
      const added = yield* addN(stream, 3)
      assert.deepStrictEqual(yield* store.groups(stream), [
        { name: "g", consumers: 0, pending: 0, lastDeliveredId: "0-0", lag: 3 }
      ])
      yield* readNew(stream, "g", "c", 2)
      assert.deepStrictEqual(yield* store.groups(stream), [
        { name: "g", consumers: 1, pending: 2, lastDeliveredId: added[1]!, lag: 1 }
      ])
      yield* store.exec([{ op: "xack", stream, group: "g", ids: [added[0]!] }])
      yield* store.add(stream, { n: "3" })
      assert.deepStrictEqual(yield* store.groups(stream), [
        { name: "g", consumers: 1, pending: 1, lastDeliveredId: added[1]!, lag: 2 }
      ])
      yield* readNew(stream, "g", "c", 10)
      assert.strictEqual((yield* store.groups(stream))[0]!.lag, 0)
      // A group created at the end of a stream with history has nothing to read.
      assert.isTrue(yield* store.ensureGroup(stream, "late", "$"))
      const late = (yield* store.groups(stream)).find((g) => g.name === "late")
      assert.strictEqual(late?.lag, 0)
    }))

  it.effect("NOGROUP after the stream is deleted; XACK then counts 0; the group can be recreated", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("nogroup")
      yield* store.ensureGroup(stream, "g")
      const [id] = yield* addN(stream, 1)
      yield* readNew(stream, "g", "c", 10)
      yield* store.exec([{ op: "del", key: stream }])
      const read = yield* Effect.flip(readNew(stream, "g", "c"))
      assert.deepStrictEqual([read._tag, read._tag === "NoGroup" ? read.stream : "", read._tag === "NoGroup" ? read.group : ""], ["NoGroup", stream, "g"])
      assert.strictEqual((yield* Effect.flip(store.pending({ stream, group: "g", count: 10 })))._tag, "NoGroup")
      assert.strictEqual(
        (yield* Effect.flip(store.autoClaim({ stream, group: "g", consumer: "c", minIdleMs: 0, start: "0", count: 10 })))._tag,
        "NoGroup"
      )
      const [acked] = yield* store.exec([{ op: "xack", stream, group: "g", ids: [id!] }])
      assert.strictEqual(count(acked), 0)
      // A missing group on an existing stream is NOGROUP too.
      yield* store.add(stream, { n: "again" })
      assert.strictEqual((yield* Effect.flip(readNew(stream, "g", "c")))._tag, "NoGroup")
      assert.isTrue(yield* store.ensureGroup(stream, "g"))
      assert.strictEqual((yield* readNew(stream, "g", "c")).length, 1)
    }))

  it.effect("XTRIM MINID deletes only entries below the id, never the id itself or later ones", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("trim")
      const added = yield* addN(stream, 5)
      assert.strictEqual(yield* store.trimMinId(stream, added[2]!), 2)
      assert.strictEqual(yield* store.trimMinId(stream, added[2]!), 0)
      assert.deepStrictEqual(ids(yield* store.range(stream, "-", "+", 10)), added.slice(2))
      assert.strictEqual(yield* store.streamLength(stream), 3)
      assert.strictEqual(yield* store.trimMinId(keyFor("missing"), added[2]!), 0)
    }))

  it.effect("XRANGE: bounds inclusive, ( exclusive, COUNT", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const stream = keyFor("range")
      const added = yield* addN(stream, 4)
      assert.deepStrictEqual(ids(yield* store.range(stream, added[1]!, added[2]!, 10)), [added[1]!, added[2]!])
      assert.deepStrictEqual(ids(yield* store.range(stream, `(${added[1]!}`, "+", 10)), [added[2]!, added[3]!])
      assert.deepStrictEqual(ids(yield* store.range(stream, "-", "+", 2)), added.slice(0, 2))
      assert.deepStrictEqual((yield* store.range(stream, "-", "+", 1))[0]!.fields, { n: "0" })
      assert.deepStrictEqual(yield* store.range(keyFor("missing"), "-", "+", 10), [])
    }))

  it.effect("XADD caps: exact MAXLEN keeps the newest n; MINID drops older entries", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const capped = keyFor("maxlen")
      const added: Array<string> = []
      for (let i = 0; i < 5; i++) added.push(yield* store.add(capped, { i: String(i) }, { maxLen: 2 }))
      assert.deepStrictEqual(ids(yield* store.range(capped, "-", "+", 10)), added.slice(3))
      const aged = keyFor("minid")
      const old = yield* addN(aged, 3)
      const [reply] = yield* store.exec([{ op: "xadd", stream: aged, fields: { i: "new" }, cap: { minId: old[2]! } }])
      const newest = reply?.op === "xadd" ? reply.id : assert.fail("no id")
      assert.deepStrictEqual(ids(yield* store.range(aged, "-", "+", 10)), [old[2]!, newest])
    }))

  it.effect("hashes: HSET counts new fields, HGETALL, HDEL, odd field names kept as data; EXPIRE", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("hash")
      const replies = yield* store.exec([
        { op: "hset", key, fields: { a: "1", b: "2" } },
        { op: "hset", key, fields: { b: "3", ["__proto__"]: "x" } },
        { op: "hgetall", key },
        { op: "hdel", key, fields: ["a", "zz"] },
        { op: "hgetall", key },
        { op: "hgetall", key: keyFor("missing") },
        { op: "expire", key, seconds: 60 },
        { op: "expire", key: keyFor("missing"), seconds: 60 },
        { op: "hmget", key, fields: ["b", "a", "__proto__"] },
        { op: "hmget", key: keyFor("missing"), fields: ["b"] }
      ])
      assert.strictEqual(count(replies[0]), 2)
      assert.strictEqual(count(replies[1]), 1)
      const all = replies[2]?.op === "hgetall" ? replies[2].value : assert.fail("no hash")
      assert.deepStrictEqual(Object.entries(all).sort(), [["__proto__", "x"], ["a", "1"], ["b", "3"]])
      assert.strictEqual(Object.getPrototypeOf(all), Object.prototype)
      assert.strictEqual(count(replies[3]), 1)
      assert.deepStrictEqual(replies[5], { op: "hgetall", value: {} })
      assert.strictEqual(count(replies[6]), 1)
      assert.strictEqual(count(replies[7]), 0)
      assert.deepStrictEqual(replies[8], { op: "hmget", values: ["3", null, "x"] })
      assert.deepStrictEqual(replies[9], { op: "hmget", values: [null] })
    }))

  it.effect("sorted sets: ZADD counts new members, ZRANGE REV WITHSCORES highest first, ZREM", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("zset")
      const [added, updated] = yield* store.exec([
        { op: "zadd", key, members: [[1.5, "a"], [3, "b"], [2, "c"], [2, "d"]] },
        { op: "zadd", key, members: [[0.25, "a"], [Infinity, "top"]] }
      ])
      assert.strictEqual(count(added), 4)
      assert.strictEqual(count(updated), 1)
      assert.deepStrictEqual(yield* store.zrangeDesc(key, 4), [["top", Infinity], ["b", 3], ["d", 2], ["c", 2]])
      const [removed] = yield* store.exec([{ op: "zrem", key, members: ["b", "nope"] }])
      assert.strictEqual(count(removed), 1)
      assert.deepStrictEqual(yield* store.zrangeDesc(key, 10), [["top", Infinity], ["d", 2], ["c", 2], ["a", 0.25]])
      assert.deepStrictEqual(yield* store.zrangeDesc(key, 0), [])
      assert.deepStrictEqual(yield* store.zrangeDesc(keyFor("missing"), 10), [])
    }))

  it.effect("strings: GET missing is null, SET then GET; a command on the wrong type fails with WRONGTYPE", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("string")
      const replies = yield* store.exec([
        { op: "get", key },
        { op: "set", key, value: "v1" },
        { op: "get", key },
        { op: "set", key, value: "v2" },
        { op: "get", key }
      ])
      assert.deepStrictEqual(replies, [
        { op: "get", value: null },
        { op: "count", n: 1 },
        { op: "get", value: "v1" },
        { op: "count", n: 1 },
        { op: "get", value: "v2" }
      ])
      const error = yield* Effect.flip(store.exec([{ op: "hgetall", key }]))
      assert.match(error.message, /^WRONGTYPE/)
      assert.match((yield* Effect.flip(store.add(key, { a: "1" }))).message, /^WRONGTYPE/)
    }))

  it.effect("publishOnce: publishes on a new signature, nothing on a repeated one", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("entry")
      const stream = keyFor("matched")
      const publish = (sig: string): Command => ({
        op: "publishOnce",
        key,
        sigField: "published_sig",
        sig,
        also: { bookie_updated: `t-${sig}` },
        stream,
        fields: { data_key: key, sig },
        cap: { maxLen: 100 }
      })
      const [first] = yield* store.exec([publish("s1")])
      const firstId = first?.op === "publishOnce" ? first.id : assert.fail("no reply")
      assert.isNotNull(firstId)
      const [second] = yield* store.exec([publish("s1")])
      assert.deepStrictEqual(second, { op: "publishOnce", id: null })
      assert.strictEqual(yield* store.streamLength(stream), 1)
      const [third] = yield* store.exec([publish("s2")])
      assert.isTrue(third?.op === "publishOnce" && third.id !== null && third.id !== firstId)
      assert.deepStrictEqual(
        (yield* store.range(stream, "-", "+", 10)).map((e) => e.fields),
        [{ data_key: key, sig: "s1" }, { data_key: key, sig: "s2" }]
      )
      const [hash] = yield* store.exec([{ op: "hgetall", key }])
      assert.deepStrictEqual(hash, { op: "hgetall", value: { published_sig: "s2", bookie_updated: "t-s2" } })
    }))

  it.effect("publishOnce with onlyIf: publishes only while the guard field holds the value", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("entry")
      const stream = keyFor("matched")
      const publish = (sig: string, writer: string): Command => ({
        op: "publishOnce",
        key,
        sigField: "published_sig",
        sig,
        also: {},
        onlyIf: { field: "written_by:d", value: writer },
        stream,
        fields: { sig }
      })
      yield* store.exec([{ op: "hset", key, fields: { "written_by:d": "w2" } }])
      // A stale writer (w1, overwritten by w2) publishes nothing and writes nothing.
      assert.deepStrictEqual(yield* store.exec([publish("s1", "w1")]), [{ op: "publishOnce", id: null }])
      assert.deepStrictEqual(yield* store.exec([{ op: "hgetall", key }]), [{ op: "hgetall", value: { "written_by:d": "w2" } }])
      const [ok] = yield* store.exec([publish("s2", "w2")])
      assert.isTrue(ok?.op === "publishOnce" && ok.id !== null)
      assert.deepStrictEqual(yield* store.exec([publish("s2", "w2")]), [{ op: "publishOnce", id: null }])
      assert.deepStrictEqual((yield* store.range(stream, "-", "+", 10)).map((e) => e.fields), [{ sig: "s2" }])
    }))

  it.effect("publishOnce writes nothing when it cannot complete (stream key of the wrong type)", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const key = keyFor("entry")
      const stream = keyFor("not-a-stream")
      yield* store.exec([{ op: "set", key: stream, value: "x" }])
      const error = yield* Effect.flip(store.exec([
        { op: "publishOnce", key, sigField: "sig", sig: "s1", also: {}, stream, fields: { a: "1" } }
      ]))
      assert.match(error.message, /^WRONGTYPE/)
      assert.deepStrictEqual(yield* store.exec([{ op: "hgetall", key }]), [{ op: "hgetall", value: {} }])
    }))

  it.effect("a publishOnce that could only half-run (no fields, bad cap) refuses the whole exec before anything runs", () =>
    Effect.gen(function*() {
      const store = yield* RedisStore
      const before = keyFor("before")
      const stream = keyFor("stream")
      const publish = { op: "publishOnce", key: keyFor("entry"), sigField: "sig", sig: "s", also: {}, stream } as const
      for (const bad of [{ ...publish, fields: {} }, { ...publish, fields: { a: "1" }, cap: { minId: "not-an-id" } }]) {
        const error = yield* Effect.flip(store.exec([{ op: "set", key: before, value: "x" }, bad]))
        assert.strictEqual(error.op, "publishOnce")
        assert.deepStrictEqual(yield* store.exec([{ op: "get", key: before }]), [{ op: "get", value: null }])
      }
      assert.strictEqual(yield* store.streamLength(stream), 0)
    }))

  for (const atomic of [false, true]) {
    it.effect(`exec (atomic: ${atomic}) returns each reply in its command's position`, () =>
      Effect.gen(function*() {
        const store = yield* RedisStore
        const key = keyFor("exec")
        const stream = keyFor("exec-stream")
        const replies = yield* store.exec([
          { op: "hset", key, fields: { f: "1" } },
          { op: "xadd", stream, fields: { x: "1" } },
          { op: "get", key: keyFor("none") },
          { op: "hgetall", key },
          { op: "del", key },
          { op: "hgetall", key }
        ], { atomic })
        assert.deepStrictEqual(replies.map((r) => r.op), ["count", "xadd", "get", "hgetall", "count", "hgetall"])
        assert.deepStrictEqual(replies[3], { op: "hgetall", value: { f: "1" } })
        assert.deepStrictEqual(replies[4], { op: "count", n: 1 })
        assert.deepStrictEqual(replies[5], { op: "hgetall", value: {} })
        assert.deepStrictEqual(ids(yield* store.range(stream, "-", "+", 10)), [replies[1]?.op === "xadd" ? replies[1].id : ""])
        assert.deepStrictEqual(yield* store.exec([], { atomic }), [])
      }))

    it.effect(`exec (atomic: ${atomic}): a failing command fails the call, the others still run (as Redis does)`, () =>
      Effect.gen(function*() {
        const store = yield* RedisStore
        const text = keyFor("text")
        const after = keyFor("after")
        const error = yield* Effect.flip(store.exec([
          { op: "set", key: text, value: "x" },
          { op: "hset", key: text, fields: { a: "1" } },
          { op: "set", key: after, value: "ran" }
        ], { atomic }))
        assert.deepStrictEqual([error._tag, error.op], ["RedisError", "hset"])
        assert.match(error.message, /^WRONGTYPE/)
        assert.deepStrictEqual(yield* store.exec([{ op: "get", key: after }]), [{ op: "get", value: "ran" }])
      }))
  }
}

layer(layerMemory, { excludeTestServices: true })("RedisStore contract: memory", contract)

const realRedis = "RedisStore contract: redis-server"
describe.skipIf(skipWithoutRedis(realRedis))(realRedis, () => {
  const store = Layer.unwrap(RedisTestServer.useSync((server) => layerIoredis.pipe(Layer.provide(testConfig(server.url)))))
  layer(store.pipe(Layer.provide(RedisTestServer.layer())), { excludeTestServices: true, timeout: "30 seconds" })(contract)

  // The credentials never show in errors: not in the message, the cause, its JSON, nor anything ioredis prints.
  const connectError = (url: string, secret: string) =>
    Effect.gen(function*() {
      const printed: Array<unknown> = []
      const spies = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "log")]
      for (const spy of spies) spy.mockImplementation((...args: Array<unknown>) => void printed.push(...args))
      const exit = yield* Effect.exit(Effect.scoped(Layer.build(layerIoredis.pipe(Layer.provide(testConfig(url))))))
      yield* Effect.sleep("200 millis") // late 'error' events from the dropped connection
      for (const spy of spies) spy.mockRestore()
      assert.isTrue(Exit.isFailure(exit), "connecting should fail")
      const cause = Exit.isFailure(exit) ? exit.cause : assert.fail("no cause")
      const error = Cause.squash(cause) as { readonly _tag?: string; readonly message?: string; readonly op?: string }
      assert.strictEqual(error._tag, "RedisError")
      assert.strictEqual(error.op, "connect")
      for (const text of [String(error.message), Cause.pretty(cause), JSON.stringify(error), String(error), ...printed.map(String)]) {
        assert.notInclude(text, secret)
      }
      return String(error.message)
    })

  describe("credentials stay out of errors", () => {
    layer(RedisTestServer.layer({ password: `right-${uid()}` }), { excludeTestServices: true })((it) => {
      it.effect("a wrong password: WRONGPASS, without the password", () =>
        Effect.gen(function*() {
          const server = yield* RedisTestServer
          const secret = `wrong-${uid()}-S3CRET`
          // With REDIS_URL given, the server may have no password: an unknown user is refused the same way.
          const url = server.external
            ? `redis://probe-${uid()}:${secret}@${server.host}:${server.port}`
            : `redis://:${secret}@127.0.0.1:${server.port}`
          assert.match(yield* connectError(url, secret), /^WRONGPASS/)
        }))

      it.effect("a closed port: connection refused, without the password", () =>
        Effect.gen(function*() {
          const secret = `pw-${uid()}-S3CRET`
          const port = yield* Effect.promise(freePort)
          assert.match(yield* connectError(`redis://user:${secret}@127.0.0.1:${port}`, secret), /ECONNREFUSED/)
        }))
    })
  })
})
