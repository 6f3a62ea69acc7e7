// `node dist/main.js <command>`. Commands are a fixed table: nothing is loaded by a name taken from input
// other than these keys. With no command it runs the worker, like the seed's `python Main.py`.
import { holdYoungGeneration } from "./runtime/heapFlags.ts"

// Before any module loads: the command's runCommand then applies XTR_HEAP_* (src/runtime/heap.ts).
holdYoungGeneration()

const commands: Readonly<Record<string, () => Promise<unknown>>> = {
  worker: () => import("./cli/worker.ts"),
  simulate: () => import("./cli/simulate.ts"),
  resolve: () => import("./cli/resolve.ts"),
  schedule: () => import("./cli/schedule.ts"),
  detect: () => import("./cli/detect.ts"),
  price: () => import("./cli/price.ts"),
  start: () => import("./cli/start.ts")
}

const name = process.argv[2] ?? "worker"
const load = Object.hasOwn(commands, name) ? commands[name] : undefined
if (load === undefined) {
  process.stderr.write(`unknown command "${name}"; commands: ${Object.keys(commands).join(", ")}\n`)
  process.exit(2)
}
await load()
