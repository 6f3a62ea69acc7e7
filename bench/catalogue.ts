// Every benchmark, in the order the table shows them. A part whose module has not landed yet is listed
// with its rows, as "not available", rather than left out.
import type { Benchmark } from "./lib/context.ts"
import type { RowSpec } from "./lib/report.ts"
import { foldBench } from "./parts/fold.ts"
import { headline } from "./parts/headline.ts"
import { pricingBench } from "./parts/pricing.ts"
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
  missing("decode", "src/bookmakers/*/api.ts", [{ id: "decode", label: "decode + normalise, 5,000 events", unit: "events/s", target: { op: ">=", value: 200_000 } }]),
  missing("resolve", "src/matching/resolver", [{ id: "resolve", label: "fixture resolution, 2,000 fixtures × 4", unit: "listings/s" }]),
  foldBench,
  pricingBench,
  missing("e2e", "the detector", [{ id: "e2e.p95", label: "end to end: enqueue→opportunity p95", unit: "ms", target: { op: "<", value: 1000 } }]),
  scaling
]
