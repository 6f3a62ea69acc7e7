// Spawned by heap.test.ts: starts as src/main.ts does (young generation held, then Effect loaded and XTR_HEAP_*
// applied), allocates 200 MB of short-lived objects with some survivors, prints the young generation's size.
import { getHeapSpaceStatistics } from "node:v8"
import { holdYoungGeneration } from "../../src/runtime/heapFlags.ts"

holdYoungGeneration()
const { Effect } = await import("effect")
const { applyHeapConfig } = await import("../../src/runtime/heap.ts")
Effect.runSync(applyHeapConfig)

let kept: Array<{ readonly i: number; readonly s: string }> = []
for (let i = 0; i < 2_000_000; i++) {
  const o = { i, s: `x${i}` }
  if (i % 10 === 0) kept.push(o)
  if (kept.length > 50_000) kept = kept.slice(25_000)
}
const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!
process.stdout.write(`${JSON.stringify({ youngMiB: young.space_size / 2 ** 20, kept: kept.length })}\n`)
