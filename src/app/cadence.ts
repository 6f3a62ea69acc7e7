// The scheduler's cadence against pricing's limits, for `start`, which runs both: a source polled less often
// than its quotes stay fresh has its opportunities reported gone between rounds and new again at the next,
// and one polled less often than its legs may be apart has its cross-market arbitrages flap the same way.
import { Duration } from "effect"
import { sourceVariable } from "../config/perSource.ts"
import type { SourceSettings } from "../mispricing/Settings.ts"
import { cadences, type Plan } from "../scheduler/plan.ts"

const cadenceVariable = { live: "SCHED_LIVE_EVERY", upcoming: "SCHED_UPCOMING_EVERY" } as const

/** One line per source whose rounds come no sooner than its quotes go stale or its legs drift too far apart. */
export const cadenceWarnings = (plan: Plan, pricing: SourceSettings): ReadonlyArray<string> =>
  cadences(plan).flatMap(({ every, source }) => {
    const ms = Duration.toMillis(every)
    const limits = [
      ["PRICE_FRESHNESS", pricing[source].freshnessMs, "its opportunities go stale between rounds"],
      ["PRICE_MAX_SPREAD", pricing[source].maxSpreadMs, "its cross-market arbitrages are gone and new again each round"]
    ] as const
    return limits.flatMap(([name, limitMs, effect]) =>
      ms >= limitMs
        ? [`${cadenceVariable[source]} (${Duration.format(every)}) is not under ${sourceVariable(name, source)} ` +
          `(${Duration.format(Duration.millis(limitMs))}): ${effect}`]
        : []
    )
  })
