// BookieAlpha's periods: -1 = live, 0 = today … 4 (UTC days).
import { Result } from "effect"
import type { PeriodOutOfRange } from "../../domain/errors.ts"
import type { Period } from "../../domain/Period.ts"
import { outOfRange } from "../extraction.ts"

export const alphaLive = -1
export const alphaMaxDay = 4

export const alphaPeriod = (period: Period): Result.Result<number, PeriodOutOfRange> =>
  period._tag === "Live"
    ? Result.succeed(alphaLive)
    : period.offset >= 0 && period.offset <= alphaMaxDay
    ? Result.succeed(period.offset)
    : Result.fail(outOfRange("BookieAlpha", period))
