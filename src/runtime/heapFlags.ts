// The V8 flags behind XTR_HEAP_*, set on the running process. Free of Effect so that src/main.ts can hold the
// young generation before anything else loads. Of V8's heap-sizing flags only those it reads at each
// collection work once the process runs: --semi-space-growth-factor and --heap-growing-percent do;
// --max-semi-space-size, --min-semi-space-size and --max-old-space-size set now are ignored (checked with
// v8.getHeapSpaceStatistics, see docs/benchmarks.md).
import { setFlagsFromString } from "node:v8"
import type { HeapConfig } from "../config/HeapConfig.ts"

export const heapFlags = (config: HeapConfig): ReadonlyArray<string> => [
  `--semi-space-growth-factor=${config.youngGrowth}`,
  `--heap-growing-percent=${config.oldGrowthPercent}`
]

export const setFlags = (flags: ReadonlyArray<string>): void => flags.forEach((flag) => setFlagsFromString(flag))

/**
 * Loading the modules alone (Effect's among them) would double the young generation to 16 MiB semi-spaces
 * before the configuration can be read; this keeps it at its initial size until `applyHeapConfig` runs.
 */
export const holdYoungGeneration = () => setFlags(["--semi-space-growth-factor=1"])
