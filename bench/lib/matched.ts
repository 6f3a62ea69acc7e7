// Reading what consumers published on the six matched streams: the distinct entries after a drain, and
// each publication's arrival time during the paced phase.
import type { Redis } from "ioredis"
import { dataSources, markets } from "../../src/domain/Market.ts"
import { matchedStream } from "../../src/redis/keys.ts"
import { fieldsOf, followStreams } from "./streams.ts"

export const matchedStreams: ReadonlyArray<string> = dataSources.flatMap((s) => markets.map((m) => matchedStream(s, m)))

/** Distinct `data_key`s over all matched streams, and the number of messages. */
export const publishedEntries = async (redis: Redis): Promise<{ readonly distinct: number; readonly messages: number }> => {
  const keys = new Set<string>()
  let messages = 0
  for (const stream of matchedStreams) {
    let start = "-"
    for (;;) {
      const page = (await redis.xrange(stream, start, "+", "COUNT", 10_000)) as Array<[string, Array<string>]>
      for (const [, flat] of page) {
        const key = fieldsOf(flat)["data_key"]
        if (key !== undefined) keys.add(key)
      }
      messages += page.length
      if (page.length < 10_000) break
      start = `(${page[page.length - 1]![0]}`
    }
  }
  return { distinct: keys.size, messages }
}

export interface Publication {
  readonly stream: string
  /** Its entry id: Redis' clock (ms) when the worker's XADD ran. */
  readonly id: string
  readonly arrivedAt: number // performance.now() in this process
  readonly fields: Readonly<Record<string, string>>
}

/**
 * Follows the matched streams from now on with XREAD BLOCK on its own connection, timestamping every
 * publication on arrival; `stop` ends the loop and returns them.
 */
export const followMatched = async (redis: Redis) => {
  const ids = new Map<string, string>()
  for (const s of matchedStreams) {
    const last = (await redis.xrevrange(s, "+", "-", "COUNT", 1)) as Array<[string, Array<string>]>
    ids.set(s, last[0]?.[0] ?? "0-0")
  }
  const seen: Array<Publication> = []
  const following = followStreams(redis, ids, (stream, id, fields, arrivedAt) => seen.push({ stream, id, arrivedAt, fields }))
  return {
    stop: async (): Promise<ReadonlyArray<Publication>> => {
      await following.stop()
      return seen
    }
  }
}
