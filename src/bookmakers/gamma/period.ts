// BookieGamma's periods: days 0 (today) … 4 as `day=`; live is its own endpoint (/inplay).
import { Result } from "effect"
import type { PeriodOutOfRange } from "../../domain/errors.ts"
import type { Period } from "../../domain/Period.ts"
import { outOfRange } from "../extraction.ts"

export type GammaPeriod = "inplay" | number

export const gammaMaxDay = 4

export const gammaPeriod = (period: Period): Result.Result<GammaPeriod, PeriodOutOfRange> =>
  period._tag === "Live"
    ? Result.succeed("inplay")
    : period.offset >= 0 && period.offset <= gammaMaxDay
    ? Result.succeed(period.offset)
    : Result.fail(outOfRange("BookieGamma", period))
