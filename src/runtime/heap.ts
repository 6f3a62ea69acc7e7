// Applies XTR_HEAP_* (src/config/HeapConfig.ts) to this process's V8 heap; fails with a ConfigError naming
// the variable when one is invalid.
import { Effect } from "effect"
import { heapConfig } from "../config/HeapConfig.ts"
import { applyHeap } from "./heapFlags.ts"

export const applyHeapConfig = Effect.flatMap(heapConfig, (config) => Effect.sync(() => applyHeap(config)))
