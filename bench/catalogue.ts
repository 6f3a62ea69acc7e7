// Every benchmark, in the order the table shows them. One that cannot run here (no dist/ build) or fails
// still lists its rows, as "not available", never with a made-up figure.
import type { Benchmark } from "./lib/context.ts"
import { decodeBench } from "./parts/decode.ts"
import { e2e } from "./parts/e2e.ts"
import { foldBench } from "./parts/fold.ts"
import { headline } from "./parts/headline.ts"
import { pricingBench } from "./parts/pricing.ts"
import { resolveBench } from "./parts/resolve.ts"
import { roundTrips } from "./parts/roundTrips.ts"
import { scaling } from "./parts/scaling.ts"

export const catalogue: ReadonlyArray<Benchmark> = [
  headline,
  roundTrips,
  decodeBench,
  resolveBench,
  foldBench,
  pricingBench,
  e2e,
  scaling
]
