// BookieDelta's periods: a UTC date "YYYY-MM-DD" (today … today + 4), or live.
import { Result } from "effect"
import type { PeriodOutOfRange } from "../../domain/errors.ts"
import type { Period } from "../../domain/Period.ts"
import { outOfRange } from "../extraction.ts"
import { dateAt } from "../render.ts"

export type DeltaPeriod = "live" | string

export const deltaMaxDay = 4

export const deltaPeriod = (period: Period, now: Date): Result.Result<DeltaPeriod, PeriodOutOfRange> =>
  period._tag === "Live"
    ? Result.succeed("live")
    : period.offset >= 0 && period.offset <= deltaMaxDay
    ? Result.succeed(dateAt(period.offset, now))
    : Result.fail(outOfRange("BookieDelta", period))

/** The query that selects a period on Delta's id list. */
export const deltaPeriodQuery = (period: DeltaPeriod): Record<string, string> =>
  period === "live" ? { live: "1" } : { date: period }
