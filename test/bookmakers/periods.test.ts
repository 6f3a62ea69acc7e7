// Each bookmaker's period notation: the canonical live / day offsets in range, and typed errors outside it.
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { alphaPeriod } from "../../src/bookmakers/alpha/period.ts"
import { betaPeriod, betaPeriodQuery } from "../../src/bookmakers/beta/period.ts"
import { deltaPeriod, deltaPeriodQuery } from "../../src/bookmakers/delta/period.ts"
import { gammaPeriod } from "../../src/bookmakers/gamma/period.ts"
import type { PeriodOutOfRange } from "../../src/domain/errors.ts"
import { day, live } from "../../src/domain/Period.ts"

const now = new Date("2024-02-27T23:59:00Z")

const assertOutOfRange = <A>(result: Result.Result<A, PeriodOutOfRange>, bookmaker: string, value: string) => {
  assert.isTrue(Result.isFailure(result), `${bookmaker} ${value} should be out of range`)
  if (Result.isFailure(result)) {
    assert.strictEqual(result.failure._tag, "PeriodOutOfRange")
    assert.strictEqual(result.failure.bookmaker, bookmaker)
    assert.strictEqual(result.failure.value, value)
  }
}

describe("period notations", () => {
  it("Alpha: -1 is live, 0 … 4 are days", () => {
    assert.deepStrictEqual(alphaPeriod(live), Result.succeed(-1))
    for (const d of [0, 1, 2, 3, 4]) assert.deepStrictEqual(alphaPeriod(day(d)), Result.succeed(d))
    assertOutOfRange(alphaPeriod(day(5)), "BookieAlpha", "5")
    assertOutOfRange(alphaPeriod(day(-1)), "BookieAlpha", "-1")
  })

  it("Gamma: days 0 … 4, live on its own endpoint", () => {
    assert.deepStrictEqual(gammaPeriod(live), Result.succeed("inplay"))
    for (const d of [0, 4]) assert.deepStrictEqual(gammaPeriod(day(d)), Result.succeed(d))
    assertOutOfRange(gammaPeriod(day(5)), "BookieGamma", "5")
    assertOutOfRange(gammaPeriod(day(-3)), "BookieGamma", "-3")
  })

  it("Beta: 24H, 2D … 5D, and a live flag", () => {
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((d) => betaPeriod(day(d))), (["24H", "2D", "3D", "4D", "5D"] as const).map((w) => Result.succeed(w)))
    assert.deepStrictEqual(betaPeriod(live), Result.succeed("live"))
    assert.deepStrictEqual(betaPeriodQuery("live"), { live: "true" })
    assert.deepStrictEqual(betaPeriodQuery("3D"), { window: "3D" })
    assertOutOfRange(betaPeriod(day(5)), "BookieBeta", "5")
    assertOutOfRange(betaPeriod(day(-1)), "BookieBeta", "-1")
  })

  it("Delta: UTC dates from today, across a month end in a leap year", () => {
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4].map((d) => deltaPeriod(day(d), now)),
      ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"].map(Result.succeed)
    )
    assert.deepStrictEqual(deltaPeriod(live, now), Result.succeed("live"))
    assert.deepStrictEqual(deltaPeriodQuery("live"), { live: "1" })
    assert.deepStrictEqual(deltaPeriodQuery("2024-03-01"), { date: "2024-03-01" })
    assertOutOfRange(deltaPeriod(day(5), now), "BookieDelta", "5")
    assertOutOfRange(deltaPeriod(day(-1), now), "BookieDelta", "-1")
  })
})
