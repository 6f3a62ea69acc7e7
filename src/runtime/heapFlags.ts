// The V8 flags behind XTR_HEAP_*, set on the running process. Free of Effect so that src/main.ts can hold the
// young generation before anything else loads. Of V8's heap-sizing flags only those it reads at each
// collection work once the process runs: --semi-space-growth-factor and --heap-growing-percent do;
// --max-semi-space-size, --min-semi-space-size and --max-old-space-size set now are ignored (checked with
// v8.getHeapSpaceStatistics, see docs/heap.md). So the young generation is bounded by letting it double
// (factor 2) only while it is under the bound, and not at all (factor 1) once there.
import { PerformanceObserver } from "node:perf_hooks"
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8"
import type { HeapConfig } from "../config/HeapConfig.ts"

const growth = (factor: number) => `--semi-space-growth-factor=${factor}`

/** The young generation's size (its two semi-spaces), in MiB. */
export const youngMiB = (): number =>
  (getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0) / 2 ** 20

/** V8's growth factor for a young generation of `current` MiB under a bound of `bound` MiB (0: none). */
export const youngGrowthFactor = (current: number, bound: number): 1 | 2 => (bound === 0 || current < bound ? 2 : 1)

/**
 * Loading the modules alone (Effect's among them) would grow the young generation to 32 MiB before the
 * configuration can be read; this keeps it at its initial size until `applyHeap` runs.
 */
export const holdYoungGeneration = () => setFlagsFromString(growth(1))

// Kept referenced for the life of the process; it does not keep the event loop alive.
let observer: PerformanceObserver | undefined

/** Sets the old generation's growth and bounds the young generation, re-checked after every collection. */
export const applyHeap = (config: HeapConfig): void => {
  setFlagsFromString(`--heap-growing-percent=${config.oldGrowthPercent}`)
  observer?.disconnect()
  let factor = 0
  const adjust = () => {
    const next = youngGrowthFactor(youngMiB(), config.youngMiB)
    if (next !== factor) setFlagsFromString(growth(factor = next))
  }
  adjust()
  if (config.youngMiB === 0) return
  // V8 grows the young generation only once as much as its size has survived collections since the last
  // growth, so the callback (run after the task in which a collection happened) normally comes between two
  // growths; a long synchronous burst of allocation could still overshoot the bound by one doubling.
  observer = new PerformanceObserver(adjust)
  observer.observe({ entryTypes: ["gc"] })
}
