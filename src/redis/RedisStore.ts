// Everything the project asks of Redis, behind one service with two layers: ioredis (production) and
// in-memory (tests, and the embedded default). One contract suite runs against both.
import { Context, Schema } from "effect"
import type { Effect } from "effect"

/** A failed Redis operation. `message` never contains command arguments (they may hold secrets). */
export class RedisError extends Schema.TaggedError<RedisError>()("RedisError", {
  op: Schema.String,
  message: Schema.String
}) {}

/** The consumer group (or its stream) is gone, e.g. Redis restarted without persistence. */
export class NoGroup extends Schema.TaggedError<NoGroup>()("NoGroup", {
  stream: Schema.String,
  group: Schema.String
}) {}

export type Fields = Readonly<Record<string, string>>

export interface StreamEntry {
  readonly stream: string
  readonly id: string
  readonly fields: Fields
}

export interface PendingEntry {
  readonly id: string
  readonly consumer: string
  readonly idleMs: number
  readonly deliveries: number
}

export interface GroupInfo {
  readonly name: string
  readonly consumers: number
  readonly pending: number
  readonly lastDeliveredId: string
  /** Entries not yet delivered to the group; null when Redis cannot tell (after deletions). */
  readonly lag: number | null
}

/** Length cap on XADD: exact `MAXLEN n`, or `MINID` for age-based caps. Only for streams nobody consumes with a group. */
export type Cap = { readonly maxLen: number } | { readonly minId: string }

/**
 * Commands sent together in one pipelined round trip by `exec`; `atomic` wraps them in MULTI/EXEC.
 * Each reply is in the same position as its command.
 */
export type Command =
  | { readonly op: "hset"; readonly key: string; readonly fields: Fields }
  | { readonly op: "hgetall"; readonly key: string }
  | { readonly op: "hmget"; readonly key: string; readonly fields: ReadonlyArray<string> }
  | { readonly op: "hdel"; readonly key: string; readonly fields: ReadonlyArray<string> }
  | { readonly op: "del"; readonly key: string }
  | { readonly op: "expire"; readonly key: string; readonly seconds: number }
  | { readonly op: "xadd"; readonly stream: string; readonly fields: Fields; readonly cap?: Cap }
  | { readonly op: "xack"; readonly stream: string; readonly group: string; readonly ids: ReadonlyArray<string> }
  | { readonly op: "zadd"; readonly key: string; readonly members: ReadonlyArray<readonly [score: number, member: string]> }
  | { readonly op: "zrem"; readonly key: string; readonly members: ReadonlyArray<string> }
  | { readonly op: "set"; readonly key: string; readonly value: string }
  | { readonly op: "get"; readonly key: string }
  /**
   * Publish-once: when hash `key`'s field `sigField` differs from `sig`, atomically set it (and `also`
   * fields) and XADD `fields` to `stream`; returns the new entry id, or null when `sig` was already there.
   * Makes a redelivered job's publication idempotent. With `onlyIf`, it also returns null (writing nothing)
   * unless the hash's field `onlyIf.field` still holds `onlyIf.value`: a writer whose view of the hash is
   * stale (someone wrote after it) leaves the publication to that later writer.
   */
  | {
    readonly op: "publishOnce"
    readonly key: string
    readonly sigField: string
    readonly sig: string
    readonly also: Fields
    readonly onlyIf?: { readonly field: string; readonly value: string }
    readonly stream: string
    readonly fields: Fields
    readonly cap?: Cap
  }

export type Reply =
  | { readonly op: "hgetall"; readonly value: Fields }
  /** One value per field asked for, in order; null where the field (or the hash) is missing. */
  | { readonly op: "hmget"; readonly values: ReadonlyArray<string | null> }
  | { readonly op: "get"; readonly value: string | null }
  | { readonly op: "xadd"; readonly id: string }
  | { readonly op: "publishOnce"; readonly id: string | null }
  | { readonly op: "count"; readonly n: number } // hset, hdel, del, expire, xack, zadd, zrem, set

export interface ReadRequest {
  readonly group: string
  readonly consumer: string
  /** id `>` for new entries, `0` to re-read this consumer's own pending entries. */
  readonly streams: ReadonlyArray<{ readonly stream: string; readonly id: string }>
  readonly count: number
  /** How long to wait when nothing can be served; 0 reads without blocking (unlike Redis's BLOCK 0, never forever). */
  readonly blockMs: number
}

export class RedisStore extends Context.Service<RedisStore, {
  /** XGROUP CREATE … MKSTREAM from `startId` (default `0`: the whole stream); true when it was created (false: it existed). */
  readonly ensureGroup: (stream: string, group: string, startId?: string) => Effect.Effect<boolean, RedisError>
  /**
   * XREADGROUP … BLOCK on a connection used for nothing else. Entries deleted while pending come back
   * with empty fields. Fails with NoGroup when the group or stream is missing. A store serves one blocking
   * read at a time (others queue behind it): consumers that block in parallel need a store each.
   */
  readonly readGroup: (req: ReadRequest) => Effect.Effect<ReadonlyArray<StreamEntry>, RedisError | NoGroup>
  /** XAUTOCLAIM: take entries idle ≥ minIdleMs; `deleted` are ids whose entries no longer exist. */
  readonly autoClaim: (req: {
    readonly stream: string
    readonly group: string
    readonly consumer: string
    readonly minIdleMs: number
    readonly start: string
    readonly count: number
  }) => Effect.Effect<
    { readonly next: string; readonly entries: ReadonlyArray<StreamEntry>; readonly deleted: ReadonlyArray<string> },
    RedisError | NoGroup
  >
  /** XPENDING extended form, oldest first. */
  readonly pending: (req: {
    readonly stream: string
    readonly group: string
    readonly start?: string
    readonly end?: string
    readonly count: number
    readonly consumer?: string
  }) => Effect.Effect<ReadonlyArray<PendingEntry>, RedisError | NoGroup>
  /** XINFO GROUPS; empty when the stream does not exist. */
  readonly groups: (stream: string) => Effect.Effect<ReadonlyArray<GroupInfo>, RedisError>
  readonly streamLength: (stream: string) => Effect.Effect<number, RedisError>
  /** XRANGE start end COUNT n. */
  readonly range: (stream: string, start: string, end: string, count: number) => Effect.Effect<ReadonlyArray<StreamEntry>, RedisError>
  /** XTRIM MINID (exact); returns the number of entries deleted. */
  readonly trimMinId: (stream: string, minId: string) => Effect.Effect<number, RedisError>
  /** One pipelined round trip (MULTI/EXEC when atomic). */
  readonly exec: (commands: ReadonlyArray<Command>, options?: { readonly atomic?: boolean }) => Effect.Effect<ReadonlyArray<Reply>, RedisError>
  /** XADD one entry (convenience for producers and tests). */
  readonly add: (stream: string, fields: Fields, cap?: Cap) => Effect.Effect<string, RedisError>
  /** ZRANGE key 0 -1 REV WITHSCORES, highest score first. */
  readonly zrangeDesc: (key: string, limit: number) => Effect.Effect<ReadonlyArray<readonly [member: string, score: number]>, RedisError>
}>()("bookies/RedisStore") {}
