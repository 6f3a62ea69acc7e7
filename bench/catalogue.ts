// Every benchmark, in the order the table shows them. A part whose module has not landed yet is listed
// with its rows, as "not available", rather than left out.
import type { Benchmark } from "./lib/context.ts"
import type { RowSpec } from "./lib/report.ts"
import { decodeBench } from "./parts/decode.ts"
import { foldBench } from "./parts/fold.ts"
import { headline } from "./parts/headline.ts"
import { pricingBench } from "./parts/pricing.ts"
import { resolveBench } from "./parts/resolve.ts"
import { roundTrips } from "./parts/roundTrips.ts"
import { scaling } from "./parts/scaling.ts"

const missing = (name: string, module: string, rows: ReadonlyArray<RowSpec>): Benchmark => ({
  name,
  rows,
  unavailable: () => `${module} not present`,
  runOnce: () => Promise.reject(new Error(`${name} is not available`))
})

export const catalogue: ReadonlyArray<Benchmark> = [
  headline,
  roundTrips,
  decodeBench,
  resolveBench,
  foldBench,
  pricingBench,
  missing("e2e", "the detector", [{ id: "e2e.p95", label: "end to end: enqueue→opportunity p95", unit: "ms", target: { op: "<", value: 1000 } }]),
  scaling
]
