// How much the process's V8 heap may grow past its live data (XTR_HEAP_*): the worker's peak RSS is mostly
// garbage waiting for a collection, so these trade memory for GC time. Measured figures: docs/heap.md.
import { Config, Schema } from "effect"

const powerOfTwoOrZero = Schema.Int.check(
  Schema.makeFilter((n: number) => n === 0 || (n >= 2 && (n & (n - 1)) === 0) || "Expected 0 or a power of two ≥ 2")
)

export const heapConfig = Config.all({
  // V8's young generation (two semi-spaces) doubles under allocation up to 128 MiB on a large machine; this
  // bounds it, in MiB (V8 sizes it in powers of two). 0 = V8's own bound.
  youngMiB: Config.schema(powerOfTwoOrZero, "XTR_HEAP_YOUNG_MB").pipe(Config.withDefault(16)),
  // V8's --heap-growing-percent: after a full collection the old generation may grow by this percentage of
  // what survived before the next one. 0 = V8's own factor (up to 4× on a fast allocator like the worker).
  oldGrowthPercent: Config.schema(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), "XTR_HEAP_GROWTH").pipe(
    Config.withDefault(100)
  )
})

export type HeapConfig = Config.Success<typeof heapConfig>
