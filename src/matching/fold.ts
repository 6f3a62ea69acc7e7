// The matching fold (issue 2 §5): which entries touched by a batch are quoted by enough distinct bookmakers.
// Pure: the worker reads the entries back from Redis after writing them and passes everything in, so the
// result depends only on what is stored, not on which batch or worker a bookmaker's job landed in.
import type { PerSource } from "../config/perSource.ts"
import type { Bookmaker, DataSource, Market } from "../domain/Market.ts"
import { byCodeUnits } from "../domain/order.ts"

/** One bookmaker's quote on one entry, as written by the batch or read back from the entry's hash. */
export interface Observation {
  readonly entryKey: string
  readonly source: DataSource
  readonly market: Market
  readonly streamDate: string
  readonly bookmaker: Bookmaker
  /** ISO-8601 UTC; an unparseable time is never fresh. */
  readonly fetchedAt: string
  /** The job that wrote the quote (stream and entry id): the same on every delivery of that job. */
  readonly jobId: string
}

export interface Thresholds {
  readonly btts: number
  readonly other: number
}

export interface FoldInput {
  /** This batch's quotes: they decide which (entry, period) pairs are examined. */
  readonly batch: ReadonlyArray<Observation>
  /** Everything stored on those entries, keyed by entry key (may include the batch's own writes). */
  readonly stored: ReadonlyMap<string, ReadonlyArray<Observation>>
  readonly now: number
  /** How old a quote may be and still count, by the quote's source. */
  readonly freshnessMs: PerSource<number>
  readonly thresholds: Thresholds
}

export interface Match {
  readonly entryKey: string
  readonly source: DataSource
  readonly market: Market
  readonly streamDate: string
  /** Distinct bookmakers with a fresh quote, sorted. */
  readonly bookmakers: ReadonlyArray<Bookmaker>
  /**
   * Identifies the set of quotes that made the match (entry, period, and each bookmaker's job). A redelivered
   * job rewrites its quote under the same job id, so it yields the same signature and is not published twice;
   * a newer poll has a new job id and is published.
   */
  readonly signature: string
}

export const thresholdFor = (market: Market, thresholds: Thresholds): number =>
  market === "btts" ? thresholds.btts : thresholds.other

const groupKey = (o: Observation) => JSON.stringify([o.entryKey, o.source, o.market, o.streamDate])
const sameGroup = (a: Observation, b: Observation) =>
  a.entryKey === b.entryKey && a.source === b.source && a.market === b.market && a.streamDate === b.streamDate

export const fold = (input: FoldInput): ReadonlyArray<Match> => {
  const { batch, freshnessMs, now, stored, thresholds } = input
  const groups = new Map<string, { readonly head: Observation; readonly members: Array<Observation> }>()
  for (const o of batch) {
    const key = groupKey(o)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { head: o, members: [o] })
    else group.members.push(o)
  }

  // The quotes of a batch, and those stored beside them, share a few fetch times: each is parsed once.
  const fetchedAtMs = new Map<string, number>()
  const isFresh = (o: Observation): boolean => {
    let t = fetchedAtMs.get(o.fetchedAt)
    if (t === undefined) fetchedAtMs.set(o.fetchedAt, t = Date.parse(o.fetchedAt))
    return Number.isFinite(t) && now - t <= freshnessMs[o.source]
  }

  const matches: Array<Match> = []
  for (const { head, members } of groups.values()) {
    // Stored quotes win over the batch's for the same bookmaker: they are the latest state of the entry.
    const byBookmaker = new Map<Bookmaker, Observation>()
    for (const list of [members, stored.get(head.entryKey) ?? []]) {
      for (const o of list) {
        if (sameGroup(o, head) && isFresh(o)) byBookmaker.set(o.bookmaker, o)
      }
    }
    if (byBookmaker.size < thresholdFor(head.market, thresholds)) continue
    const bookmakers = [...byBookmaker.keys()].sort()
    matches.push({
      entryKey: head.entryKey,
      source: head.source,
      market: head.market,
      streamDate: head.streamDate,
      bookmakers,
      signature: JSON.stringify([head.streamDate, bookmakers.map((b) => `${b}@${byBookmaker.get(b)!.jobId}`)])
    })
  }
  return matches.sort((a, b) => byCodeUnits(a.entryKey, b.entryKey) || byCodeUnits(a.streamDate, b.streamDate))
}
