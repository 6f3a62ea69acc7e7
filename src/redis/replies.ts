// Schemas for the RESP2 replies the ioredis layer reads. Replies are bytes from outside: each one is
// validated before it becomes a StreamEntry, a PendingEntry or a number.
import { Schema, SchemaTransformation } from "effect"
import type { Fields } from "./RedisStore.ts"

/** `[field, value, field, value, …]` as an object; `__proto__` and friends become plain own keys. */
export const FieldList = Schema.Array(Schema.String).pipe(
  Schema.check(Schema.makeFilter((list: ReadonlyArray<string>) => list.length % 2 === 0 || "odd number of field items"))
)

export const toFields = (list: ReadonlyArray<string> | null): Fields => {
  const pairs: Array<[string, string]> = []
  for (let i = 0; list !== null && i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!])
  return Object.fromEntries(pairs)
}

/** `[id, fields]`; fields are null for an entry deleted while pending. */
export const RawEntry = Schema.Tuple([Schema.String, Schema.NullOr(FieldList)])

export const ReadReply = Schema.NullOr(Schema.Array(Schema.Tuple([Schema.String, Schema.Array(RawEntry)])))
export const RangeReply = Schema.Array(RawEntry)
export const AutoClaimReply = Schema.Tuple([Schema.String, Schema.Array(RawEntry), Schema.Array(Schema.String)])
export const PendingReply = Schema.Array(Schema.Tuple([Schema.String, Schema.String, Schema.Int, Schema.Int]))

/** XINFO GROUPS gives each group as a flat `[name, value, …]` list. */
export const GroupsReply = Schema.Array(Schema.Array(Schema.Union([Schema.String, Schema.Number, Schema.Null])))
export const GroupFields = Schema.Struct({
  name: Schema.String,
  consumers: Schema.Int,
  pending: Schema.Int,
  "last-delivered-id": Schema.String,
  lag: Schema.optionalKey(Schema.NullOr(Schema.Int))
})

/** ZRANGE … WITHSCORES: `[member, score, …]`; scores come back as `1.5`, `inf` or `-inf`. */
const Score = Schema.String.pipe(
  Schema.decodeTo(
    Schema.Number.check(Schema.makeFilter((n: number) => !Number.isNaN(n) || "not a score")),
    SchemaTransformation.transform({
      decode: (s: string) => (s === "inf" || s === "+inf" ? Infinity : s === "-inf" ? -Infinity : Number(s)),
      encode: String
    })
  )
)
export const ScoredReply = FieldList.pipe(
  Schema.decodeTo(
    Schema.Array(Schema.Tuple([Schema.String, Score])),
    SchemaTransformation.transform({
      decode: (list: ReadonlyArray<string>): ReadonlyArray<readonly [string, string]> =>
        Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i]!, list[2 * i + 1]!] as const),
      encode: (pairs: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> => pairs.flat()
    })
  )
)

export const Count = Schema.Int
export const Id = Schema.String
export const NullableString = Schema.NullOr(Schema.String)
export const NullableStrings = Schema.Array(NullableString)
export const Ok = Schema.Literal("OK")
