// The matching fold alone: 100k entries quoted by 4 bookmakers each, every quote in the batch and read back
// as stored (as the worker passes them), thresholds 2 (btts) / 4.
import { bookmakers, markets } from "../../src/domain/Market.ts"
import { fold, type Observation } from "../../src/matching/fold.ts"
import { type Benchmark, scaled } from "../lib/context.ts"
import { timed } from "../lib/timing.ts"

const foldInput = (entries: number, now: number) => {
  const fetchedAt = new Date(now - 1000).toISOString()
  const batch: Array<Observation> = []
  const stored = new Map<string, Array<Observation>>()
  for (let e = 0; e < entries; e++) {
    const market = markets[e % markets.length]!
    const entryKey = `entry:live:${market}:fixture-${e}`
    const own = bookmakers.map((bookmaker, b): Observation => ({
      entryKey,
      source: "live",
      market,
      streamDate: "live",
      bookmaker,
      fetchedAt,
      jobId: `bench:jobs/${e}-${b}`
    }))
    batch.push(...own)
    stored.set(entryKey, own)
  }
  return { batch, stored }
}

export const foldBench: Benchmark = {
  name: "fold",
  rows: [{ id: "fold", label: "matching fold: 100k entries × 4 bookmakers", unit: "entries/s", digits: 0 }],
  unavailable: () => undefined,
  runOnce: async (ctx) => {
    const entries = scaled(100_000, ctx.scale, 100)
    const now = Date.now()
    const input = { ...foldInput(entries, now), now, freshnessMs: { live: 120_000, upcoming: 120_000 }, thresholds: { btts: 2, other: 4 } }
    const { result, seconds } = timed(() => fold(input))
    return {
      samples: [{ id: "fold", value: entries / seconds }],
      checks: [{ name: "every entry matched", ok: result.length === entries, detail: `${result.length} of ${entries}` }]
    }
  }
}
