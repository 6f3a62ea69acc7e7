// RedisStore in memory: the test double and the embedded default. It follows Redis 7.0's semantics for
// what the project uses (stream ids, consumer groups, pending lists, delivery counts, XAUTOCLAIM, lag,
// trimming, hashes, sorted sets, strings, TTLs) so the contract suite passes against it and a real server.
// Differences, by design: every call is atomic (JavaScript runs one at a time), so `exec`'s `atomic`
// flag changes nothing; there is no XDEL, so streams never hold tombstones; keys with a TTL expire lazily
// when next touched. Time comes from Clock, so TestClock drives ids, idle times, TTLs and BLOCK.
import { Clock, Deferred, Effect, Layer } from "effect"
import { publishOnceError } from "./publishOnce.ts"
import type { PublishOnce } from "./publishOnce.ts"
import { describeReply } from "./redact.ts"
import { NoGroup, RedisError, RedisStore } from "./RedisStore.ts"
import type { Cap, Command, Fields, GroupInfo, PendingEntry, ReadRequest, Reply, StreamEntry } from "./RedisStore.ts"
import { capError, compareIds, formatId, nextId, parseId, parseRangeBound, successor, zeroId } from "./streamId.ts"
import type { StreamId } from "./streamId.ts"

interface Entry {
  readonly id: StreamId
  readonly fields: Fields
}

interface Nack {
  readonly id: StreamId
  consumer: string
  deliveryTime: number
  deliveries: number
}

interface Group {
  lastId: StreamId
  /** Entries the group has read since the stream began; undefined when unknown (Redis: -1). */
  entriesRead: number | undefined
  /** Keyed by the formatted id; insertion follows id order, `sortedPel` sorts anyway. */
  readonly pel: Map<string, Nack>
  readonly consumers: Set<string>
}

interface MemStream {
  /** Ascending ids; trimming removes from the head. */
  readonly entries: Array<Entry>
  lastId: StreamId
  entriesAdded: number
  readonly groups: Map<string, Group>
}

type Value =
  | { readonly type: "stream"; readonly stream: MemStream }
  | { readonly type: "hash"; readonly hash: Map<string, string> }
  | { readonly type: "zset"; readonly zset: Map<string, number> }
  | { readonly type: "string"; readonly value: string }

const fail = (op: string, message: string): never => {
  throw new RedisError({ op, message: describeReply(message) })
}
const wrongType = (op: string): never => fail(op, "WRONGTYPE")
const arity = (op: string): never => fail(op, "ERR wrong number of arguments")
const invalidId = (op: string): never => fail(op, "ERR Invalid stream ID specified as stream command argument")

/** A cap checked before anything is written; its MINID, if any. */
const checkCap = (op: string, cap: Cap | undefined): StreamId | undefined => {
  const error = capError(cap)
  if (error !== undefined) fail(op, error)
  return cap !== undefined && "minId" in cap ? parseId(cap.minId) : undefined
}

const fieldsOf = (fields: Fields): Array<[string, string]> => Object.entries(fields)

/** Index of the first entry whose id is ≥ `id`. */
const lowerBound = (entries: ReadonlyArray<Entry>, id: StreamId): number => {
  let lo = 0
  let hi = entries.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareIds(entries[mid]!.id, id) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

const findEntry = (s: MemStream, id: StreamId): Entry | undefined => {
  const entry = s.entries[lowerBound(s.entries, id)]
  return entry !== undefined && compareIds(entry.id, id) === 0 ? entry : undefined
}

/** Removes entries below `minId`; returns how many. */
const trimBelow = (s: MemStream, minId: StreamId): number => {
  const n = lowerBound(s.entries, minId)
  s.entries.splice(0, n)
  return n
}

const sortedPel = (g: Group): Array<Nack> => [...g.pel.values()].sort((a, b) => compareIds(a.id, b.id))

/** Redis's streamEstimateDistanceFromFirstEverEntry, for a stream without tombstones. */
const estimateEntriesRead = (s: MemStream, id: StreamId): number | undefined => {
  if (s.entriesAdded === 0) return 0
  const first = s.entries[0]
  if (first === undefined && compareIds(id, s.lastId) <= 0) return s.entriesAdded
  const cmpLast = compareIds(id, s.lastId)
  if (cmpLast === 0) return s.entriesAdded
  if (cmpLast > 0 || first === undefined) return undefined
  const cmpFirst = compareIds(id, first.id)
  if (cmpFirst < 0) return s.entriesAdded - s.entries.length
  if (cmpFirst === 0) return s.entriesAdded - s.entries.length + 1
  return undefined
}

const lagOf = (s: MemStream, g: Group): number | null => {
  if (s.entriesAdded === 0) return 0
  const read = g.entriesRead ?? estimateEntriesRead(s, g.lastId)
  return read === undefined ? null : s.entriesAdded - read
}

/** Everything the store holds, with the Redis commands as synchronous methods. They throw RedisError/NoGroup. */
class Keyspace {
  private readonly values = new Map<string, Value>()
  private readonly expiries = new Map<string, number>()
  /** Blocked readers per stream key, woken by XADD and DEL. */
  private readonly waiters = new Map<string, Set<Deferred.Deferred<void>>>()

  // ---- keyspace ----

  private lookup(key: string, now: number): Value | undefined {
    const at = this.expiries.get(key)
    if (at !== undefined && at <= now) this.remove(key)
    return this.values.get(key)
  }

  private remove(key: string): boolean {
    const value = this.values.get(key)
    this.values.delete(key)
    this.expiries.delete(key)
    if (value?.type === "stream") this.wake(key)
    return value !== undefined
  }

  private typed<T extends Value["type"]>(op: string, key: string, type: T, now: number): Extract<Value, { type: T }> | undefined {
    const value = this.lookup(key, now)
    if (value === undefined) return undefined
    return value.type === type ? value as Extract<Value, { type: T }> : wrongType(op)
  }

  private streamOf(op: string, key: string, now: number): MemStream | undefined {
    return this.typed(op, key, "stream", now)?.stream
  }

  private groupOf(op: string, key: string, group: string, now: number): { s: MemStream; g: Group } {
    const s = this.streamOf(op, key, now)
    const g = s?.groups.get(group)
    if (s === undefined || g === undefined) throw new NoGroup({ stream: key, group })
    return { s, g }
  }

  // ---- blocking ----

  watch(keys: ReadonlyArray<string>): Deferred.Deferred<void> {
    const waiter = Deferred.makeUnsafe<void>()
    for (const key of keys) {
      const set = this.waiters.get(key) ?? new Set()
      set.add(waiter)
      this.waiters.set(key, set)
    }
    return waiter
  }

  unwatch(keys: ReadonlyArray<string>, waiter: Deferred.Deferred<void>): void {
    for (const key of keys) {
      const set = this.waiters.get(key)
      set?.delete(waiter)
      if (set?.size === 0) this.waiters.delete(key)
    }
  }

  private wake(key: string): void {
    const set = this.waiters.get(key)
    if (set === undefined) return
    this.waiters.delete(key)
    for (const waiter of set) Deferred.doneUnsafe(waiter, Effect.void)
  }

  // ---- streams ----

  private createStream(key: string): MemStream {
    const stream: MemStream = { entries: [], lastId: zeroId, entriesAdded: 0, groups: new Map() }
    this.values.set(key, { type: "stream", stream })
    return stream
  }

  xadd(key: string, fields: Fields, cap: Cap | undefined, now: number, op = "xadd"): string {
    const pairs = fieldsOf(fields)
    if (pairs.length === 0) arity(op)
    const minId = checkCap(op, cap)
    const s = this.streamOf(op, key, now) ?? this.createStream(key)
    const id = nextId(s.lastId, now)
    s.entries.push({ id, fields: Object.fromEntries(pairs) })
    s.lastId = id
    s.entriesAdded++
    if (cap !== undefined && "maxLen" in cap && s.entries.length > cap.maxLen) s.entries.splice(0, s.entries.length - cap.maxLen)
    if (minId !== undefined) trimBelow(s, minId)
    this.wake(key)
    return formatId(id)
  }

  xgroupCreate(key: string, group: string, startId: string, now: number): boolean {
    const existing = this.streamOf("xgroup", key, now)
    const start = startId === "$" ? existing?.lastId ?? zeroId : parseId(startId) ?? invalidId("xgroup")
    const s = existing ?? this.createStream(key)
    if (s.groups.has(group)) return false
    s.groups.set(group, { lastId: start, entriesRead: undefined, pel: new Map(), consumers: new Set() })
    return true
  }

  /** XREADGROUP without BLOCK: the entries served, or undefined when nothing could be served (a blocking read waits). */
  xreadgroup(req: ReadRequest, now: number): Array<StreamEntry> | undefined {
    const targets = req.streams.map(({ stream, id }) => {
      const { s, g } = this.groupOf("xreadgroup", stream, req.group, now)
      const after = id === ">" ? undefined : parseId(id) ?? invalidId("xreadgroup")
      return { stream, s, g, after }
    })
    const limit = req.count > 0 ? req.count : Number.POSITIVE_INFINITY
    const out: Array<StreamEntry> = []
    let served = false
    for (const { after, g, s, stream } of targets) {
      // Redis 7.0 creates the consumer when a stream is served to it, not when a read finds nothing.
      if (after === undefined) {
        const from = lowerBound(s.entries, successor(g.lastId))
        const fresh = s.entries.slice(from, from + limit)
        if (fresh.length > 0) g.consumers.add(req.consumer)
        served ||= fresh.length > 0
        for (const entry of fresh) {
          g.pel.set(formatId(entry.id), { id: entry.id, consumer: req.consumer, deliveryTime: now, deliveries: 1 })
          g.entriesRead = g.entriesRead !== undefined ? g.entriesRead + 1 : estimateEntriesRead(s, entry.id)
          g.lastId = entry.id
          out.push({ stream, id: formatId(entry.id), fields: entry.fields })
        }
      } else {
        // History: this consumer's pending entries after `after`. Redis counts a delivery only when the
        // entry still exists; a deleted one comes back without fields.
        served = true
        g.consumers.add(req.consumer)
        const own = sortedPel(g).filter((n) => n.consumer === req.consumer && compareIds(n.id, after) > 0).slice(0, limit)
        for (const nack of own) {
          const entry = findEntry(s, nack.id)
          if (entry !== undefined) {
            nack.deliveries++
            nack.deliveryTime = now
          }
          out.push({ stream, id: formatId(nack.id), fields: entry?.fields ?? {} })
        }
      }
    }
    return served ? out : undefined
  }

  xautoclaim(
    req: { stream: string; group: string; consumer: string; minIdleMs: number; start: string; count: number },
    now: number
  ): { next: string; entries: Array<StreamEntry>; deleted: Array<string> } {
    if (req.count <= 0) fail("xautoclaim", "ERR COUNT must be > 0")
    const { g, s } = this.groupOf("xautoclaim", req.stream, req.group, now)
    const start = parseRangeBound(req.start, "start") ?? invalidId("xautoclaim")
    const pel = sortedPel(g).filter((n) => compareIds(n.id, start) >= 0)
    const entries: Array<StreamEntry> = []
    const deleted: Array<string> = []
    let count = req.count
    let attempts = req.count * 10
    let i = 0
    while (attempts-- > 0 && count > 0 && i < pel.length) {
      const nack = pel[i++]!
      const entry = findEntry(s, nack.id)
      if (entry === undefined) {
        g.pel.delete(formatId(nack.id))
        deleted.push(formatId(nack.id))
        count--
        continue
      }
      if (req.minIdleMs > 0 && now - nack.deliveryTime < req.minIdleMs) continue
      g.consumers.add(req.consumer)
      nack.consumer = req.consumer
      nack.deliveryTime = now
      nack.deliveries++
      entries.push({ stream: req.stream, id: formatId(nack.id), fields: entry.fields })
      count--
    }
    return { next: i < pel.length ? formatId(pel[i]!.id) : "0-0", entries, deleted }
  }

  xack(key: string, group: string, ids: ReadonlyArray<string>, now: number): number {
    if (ids.length === 0) arity("xack")
    const parsed = ids.map((id) => parseId(id) ?? invalidId("xack"))
    const g = this.streamOf("xack", key, now)?.groups.get(group)
    if (g === undefined) return 0
    return parsed.filter((id) => g.pel.delete(formatId(id))).length
  }

  xpending(
    req: { stream: string; group: string; start?: string; end?: string; count: number; consumer?: string },
    now: number
  ): Array<PendingEntry> {
    const { g } = this.groupOf("xpending", req.stream, req.group, now)
    const start = parseRangeBound(req.start ?? "-", "start") ?? invalidId("xpending")
    const end = parseRangeBound(req.end ?? "+", "end") ?? invalidId("xpending")
    return sortedPel(g)
      .filter((n) =>
        compareIds(n.id, start) >= 0 && compareIds(n.id, end) <= 0 &&
        (req.consumer === undefined || n.consumer === req.consumer)
      )
      .slice(0, Math.max(0, req.count))
      .map((n) => ({ id: formatId(n.id), consumer: n.consumer, idleMs: Math.max(0, now - n.deliveryTime), deliveries: n.deliveries }))
  }

  xinfoGroups(key: string, now: number): Array<GroupInfo> {
    const s = this.streamOf("xinfo", key, now)
    if (s === undefined) return []
    return [...s.groups].map(([name, g]) => ({
      name,
      consumers: g.consumers.size,
      pending: g.pel.size,
      lastDeliveredId: formatId(g.lastId),
      lag: lagOf(s, g)
    }))
  }

  xlen(key: string, now: number): number {
    return this.streamOf("xlen", key, now)?.entries.length ?? 0
  }

  xrange(key: string, start: string, end: string, count: number, now: number): Array<StreamEntry> {
    const from = parseRangeBound(start, "start") ?? invalidId("xrange")
    const to = parseRangeBound(end, "end") ?? invalidId("xrange")
    const s = this.streamOf("xrange", key, now)
    if (s === undefined || count <= 0) return []
    const out: Array<StreamEntry> = []
    for (let i = lowerBound(s.entries, from); i < s.entries.length && out.length < count; i++) {
      const entry = s.entries[i]!
      if (compareIds(entry.id, to) > 0) break
      out.push({ stream: key, id: formatId(entry.id), fields: entry.fields })
    }
    return out
  }

  xtrimMinId(key: string, minId: string, now: number): number {
    const id = parseId(minId) ?? invalidId("xtrim")
    const s = this.streamOf("xtrim", key, now)
    return s === undefined ? 0 : trimBelow(s, id)
  }

  // ---- hashes, sorted sets, strings, keys ----

  hset(key: string, fields: Fields, now: number): number {
    const pairs = fieldsOf(fields)
    if (pairs.length === 0) arity("hset")
    let hash = this.typed("hset", key, "hash", now)?.hash
    if (hash === undefined) {
      hash = new Map()
      this.values.set(key, { type: "hash", hash })
    }
    let added = 0
    for (const [field, value] of pairs) {
      if (!hash.has(field)) added++
      hash.set(field, value)
    }
    return added
  }

  hgetall(key: string, now: number): Fields {
    return Object.fromEntries(this.typed("hgetall", key, "hash", now)?.hash ?? [])
  }

  hmget(key: string, fields: ReadonlyArray<string>, now: number): ReadonlyArray<string | null> {
    if (fields.length === 0) arity("hmget")
    const hash = this.typed("hmget", key, "hash", now)?.hash
    return fields.map((f) => hash?.get(f) ?? null)
  }

  hdel(key: string, fields: ReadonlyArray<string>, now: number): number {
    if (fields.length === 0) arity("hdel")
    const hash = this.typed("hdel", key, "hash", now)?.hash
    if (hash === undefined) return 0
    const n = fields.filter((f) => hash.delete(f)).length
    if (hash.size === 0) this.remove(key)
    return n
  }

  zadd(key: string, members: ReadonlyArray<readonly [number, string]>, now: number): number {
    if (members.length === 0) arity("zadd")
    if (members.some(([score]) => Number.isNaN(score))) fail("zadd", "ERR value is not a valid float")
    let zset = this.typed("zadd", key, "zset", now)?.zset
    if (zset === undefined) {
      zset = new Map()
      this.values.set(key, { type: "zset", zset })
    }
    let added = 0
    for (const [score, member] of members) {
      if (!zset.has(member)) added++
      zset.set(member, score)
    }
    return added
  }

  zrem(key: string, members: ReadonlyArray<string>, now: number): number {
    if (members.length === 0) arity("zrem")
    const zset = this.typed("zrem", key, "zset", now)?.zset
    if (zset === undefined) return 0
    const n = members.filter((m) => zset.delete(m)).length
    if (zset.size === 0) this.remove(key)
    return n
  }

  /** Highest score first; equal scores in reverse member order, as ZRANGE … REV does. */
  zrangeDesc(key: string, limit: number, now: number): Array<readonly [string, number]> {
    const zset = this.typed("zrange", key, "zset", now)?.zset
    if (zset === undefined || limit <= 0) return []
    return [...zset]
      .sort(([ma, sa], [mb, sb]) => sb - sa || (ma < mb ? 1 : ma > mb ? -1 : 0))
      .slice(0, limit)
  }

  set(key: string, value: string): number {
    this.remove(key)
    this.values.set(key, { type: "string", value })
    return 1
  }

  get(key: string, now: number): string | null {
    return this.typed("get", key, "string", now)?.value ?? null
  }

  del(key: string, now: number): number {
    return this.lookup(key, now) === undefined ? 0 : (this.remove(key), 1)
  }

  expire(key: string, seconds: number, now: number): number {
    if (this.lookup(key, now) === undefined) return 0
    if (seconds <= 0) this.remove(key)
    else this.expiries.set(key, now + seconds * 1000)
    return 1
  }

  publishOnce(c: PublishOnce, now: number): string | null {
    const op = "publishOnce"
    const hash = this.typed(op, c.key, "hash", now)?.hash
    if (c.onlyIf !== undefined && hash?.get(c.onlyIf.field) !== c.onlyIf.value) return null
    if (hash?.get(c.sigField) === c.sig) return null
    this.streamOf(op, c.stream, now) // WRONGTYPE before the first write, as in the Lua script
    this.hset(c.key, { [c.sigField]: c.sig, ...c.also }, now)
    return this.xadd(c.stream, c.fields, c.cap, now, op)
  }

  run(c: Command, now: number): Reply {
    switch (c.op) {
      case "hset":
        return { op: "count", n: this.hset(c.key, c.fields, now) }
      case "hgetall":
        return { op: "hgetall", value: this.hgetall(c.key, now) }
      case "hmget":
        return { op: "hmget", values: this.hmget(c.key, c.fields, now) }
      case "hdel":
        return { op: "count", n: this.hdel(c.key, c.fields, now) }
      case "del":
        return { op: "count", n: this.del(c.key, now) }
      case "expire":
        return { op: "count", n: this.expire(c.key, c.seconds, now) }
      case "xadd":
        return { op: "xadd", id: this.xadd(c.stream, c.fields, c.cap, now) }
      case "xack":
        return { op: "count", n: this.xack(c.stream, c.group, c.ids, now) }
      case "zadd":
        return { op: "count", n: this.zadd(c.key, c.members, now) }
      case "zrem":
        return { op: "count", n: this.zrem(c.key, c.members, now) }
      case "set":
        return { op: "count", n: this.set(c.key, c.value) }
      case "get":
        return { op: "get", value: this.get(c.key, now) }
      case "publishOnce":
        return { op: "publishOnce", id: this.publishOnce(c, now) }
    }
  }
}

/** Runs a Keyspace command at the clock's current time; the errors it throws become typed failures. */
const runAt = <E>(expected: (error: unknown) => error is E) => <A>(f: (now: number) => A): Effect.Effect<A, E> =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => {
    try {
      return Effect.succeed(f(now))
    } catch (error) {
      if (expected(error)) return Effect.fail(error)
      throw error
    }
  })
const at = runAt((e): e is RedisError => e instanceof RedisError)
const atGroup = runAt((e): e is RedisError | NoGroup => e instanceof RedisError || e instanceof NoGroup)

export const makeMemoryStore = Effect.sync(() => {
  const ks = new Keyspace()

  // BLOCK: serve, or wait for an XADD/DEL on one of the streams or for the rest of blockMs, then serve
  // again. Serving and registering the waiter happen in one step so no XADD falls between them.
  const readGroup = Effect.fnUntraced(function*(req: ReadRequest) {
    const keys = req.streams.map((s) => s.stream)
    const deadline = (yield* Clock.currentTimeMillis) + req.blockMs
    while (true) {
      const step = yield* atGroup((now) => {
        const served = ks.xreadgroup(req, now)
        const remaining = deadline - now
        if (served !== undefined || req.blockMs <= 0 || remaining <= 0) return { served: served ?? [] }
        return { waiter: ks.watch(keys), remaining }
      })
      if ("served" in step) return step.served
      const { remaining, waiter } = step
      yield* Effect.race(Deferred.await(waiter), Effect.sleep(remaining)).pipe(
        Effect.ensuring(Effect.sync(() => ks.unwatch(keys, waiter)))
      )
    }
  })

  return RedisStore.of({
    ensureGroup: (stream, group, startId = "0") => at((now) => ks.xgroupCreate(stream, group, startId, now)),
    readGroup,
    autoClaim: (req) => atGroup((now) => ks.xautoclaim(req, now)),
    pending: (req) => atGroup((now) => ks.xpending(req, now)),
    groups: (stream) => at((now) => ks.xinfoGroups(stream, now)),
    streamLength: (stream) => at((now) => ks.xlen(stream, now)),
    range: (stream, start, end, count) => at((now) => ks.xrange(stream, start, end, count, now)),
    trimMinId: (stream, minId) => at((now) => ks.xtrimMinId(stream, minId, now)),
    exec: (commands) =>
      at((now) => {
        // Malformed publishOnce commands are refused before anything runs, as the ioredis layer does.
        for (const command of commands) {
          const error = command.op === "publishOnce" ? publishOnceError(command) : undefined
          if (error !== undefined) fail(command.op, error)
        }
        // As in a Redis pipeline or MULTI/EXEC: a failing command does not stop the others.
        let failure: RedisError | undefined
        const replies: Array<Reply> = []
        for (const command of commands) {
          try {
            replies.push(ks.run(command, now))
          } catch (error) {
            if (!(error instanceof RedisError)) throw error
            failure ??= error
          }
        }
        if (failure !== undefined) throw failure
        return replies
      }),
    add: (stream, fields, cap) => at((now) => ks.xadd(stream, fields, cap, now)),
    zrangeDesc: (key, limit) => at((now) => ks.zrangeDesc(key, limit, now))
  })
})

/** A fresh, empty in-memory store per build. */
export const layerMemory: Layer.Layer<RedisStore> = Layer.effect(RedisStore, makeMemoryStore)
