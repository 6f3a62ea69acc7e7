// Spawned by heap.test.ts: starts as src/main.ts does (young generation held, then Effect loaded and XTR_HEAP_*
// applied), allocates ~400 MB of short-lived objects with some survivors, a task at a time like a worker,
// and prints the young generation's median size over the tasks (V8 may overrun it for a few tasks while a
// full collection is under way, with any setting).
import { setImmediate } from "node:timers/promises"
import { holdYoungGeneration, youngMiB } from "../../src/runtime/heapFlags.ts"

holdYoungGeneration()
const { Effect } = await import("effect")
const { applyHeapConfig } = await import("../../src/runtime/heap.ts")
Effect.runSync(applyHeapConfig)

let kept: Array<{ readonly i: number; readonly s: string }> = []
const sizes: Array<number> = []
for (let task = 0; task < 400; task++) {
  for (let i = 0; i < 10_000; i++) {
    const o = { i, s: `x${task}-${i}` }
    if (i % 10 === 0) kept.push(o)
    if (kept.length > 50_000) kept = kept.slice(25_000)
  }
  sizes.push(youngMiB())
  await setImmediate()
}
sizes.sort((a, b) => a - b)
process.stdout.write(`${JSON.stringify({ youngMiB: sizes[sizes.length >> 1], kept: kept.length })}\n`)
