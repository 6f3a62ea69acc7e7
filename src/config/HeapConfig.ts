// How much the process's V8 heap may grow past its live data (XTR_HEAP_*): the worker's peak RSS is mostly
// garbage waiting for a collection, so these trade memory for GC time. Measured figures: docs/heap.md.
import { Config, Schema } from "effect"

export const heapConfig = Config.all({
  // V8's --semi-space-growth-factor. 1 keeps the young generation at its initial 1 MiB semi-spaces; V8's own
  // 2 doubles them under allocation up to 64 MiB each (on a large machine), 128 MiB of RSS for short-lived data.
  youngGrowth: Config.schema(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)), "XTR_HEAP_YOUNG_GROWTH").pipe(
    Config.withDefault(1)
  ),
  // V8's --heap-growing-percent: after a full collection the old generation may grow by this percentage of
  // what survived before the next one. 0 = V8's own factor (up to 4× on a fast allocator like the worker).
  // With the young generation held, 100 halves the worker's peak RSS for 15–35 % more CPU per job (docs/heap.md).
  oldGrowthPercent: Config.schema(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), "XTR_HEAP_GROWTH").pipe(
    Config.withDefault(100)
  )
})

export type HeapConfig = Config.Success<typeof heapConfig>
