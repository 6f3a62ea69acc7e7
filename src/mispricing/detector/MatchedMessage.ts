// A matched-stream message as the worker publishes it, decoded with Schema: the entry it points at and
// the enqueue time of the job behind it (for latency). Anything that does not decode is a poison message.
import { Result, Schema } from "effect"
import { DataSource, Market } from "../../domain/Market.ts"
import type { Fields } from "../../redis/RedisStore.ts"

const MatchedFields = Schema.Struct({
  data_key: Schema.NonEmptyString.pipe(Schema.check(Schema.isMaxLength(512))),
  /** ISO-8601, as src/pipeline/outputs.ts writes it. */
  enqueued_at: Schema.optionalKey(Schema.DateFromString)
})

export interface MatchedMessage {
  readonly entryKey: string
  readonly source: DataSource
  readonly market: Market
  readonly fixtureKey: string
  /** Epoch ms the job behind this match was enqueued; absent from producers that do not stamp it. */
  readonly enqueuedAt: number | undefined
}

/** `entry:<source>:<market>:<fixtureKey>` (the fixture key may itself contain colons). */
const entryKeyPattern = /^entry:([^:]+):([^:]+):(.+)$/

const decodeFields = Schema.decodeUnknownResult(MatchedFields)
const decodeSource = Schema.decodeUnknownResult(DataSource)
const decodeMarket = Schema.decodeUnknownResult(Market)

/** The message, or why it is poison. */
export const decodeMatched = (fields: Fields): Result.Result<MatchedMessage, string> => {
  const decoded = decodeFields(fields)
  if (Result.isFailure(decoded)) {
    return Result.fail(`undecodable matched message: ${decoded.failure.message.replace(/\s+/g, " ")}`)
  }
  const { data_key, enqueued_at } = decoded.success
  const parts = entryKeyPattern.exec(data_key)
  const source = parts === null ? undefined : Result.getOrUndefined(decodeSource(parts[1]))
  const market = parts === null ? undefined : Result.getOrUndefined(decodeMarket(parts[2]))
  if (parts === null || source === undefined || market === undefined) {
    return Result.fail(`data_key is not an entry key: ${JSON.stringify(data_key.slice(0, 100))}`)
  }
  return Result.succeed({ entryKey: data_key, source, market, fixtureKey: parts[3]!, enqueuedAt: enqueued_at?.getTime() })
}
