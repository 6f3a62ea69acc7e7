// BookieBeta's periods: windows "24H" (today), "2D" … "5D" (the 2nd … 5th UTC day), and a live flag.
import { Result } from "effect"
import type { PeriodOutOfRange } from "../../domain/errors.ts"
import type { Period } from "../../domain/Period.ts"
import { outOfRange } from "../extraction.ts"

export const betaWindows = ["24H", "2D", "3D", "4D", "5D"] as const
export type BetaWindow = (typeof betaWindows)[number]
export type BetaPeriod = "live" | BetaWindow

export const betaPeriod = (period: Period): Result.Result<BetaPeriod, PeriodOutOfRange> => {
  if (period._tag === "Live") return Result.succeed("live")
  const window = betaWindows[period.offset]
  return window === undefined ? Result.fail(outOfRange("BookieBeta", period)) : Result.succeed(window)
}

/** The query that selects a period, on both of Beta's endpoints. */
export const betaPeriodQuery = (period: BetaPeriod): Record<string, string> =>
  period === "live" ? { live: "true" } : { window: period }
