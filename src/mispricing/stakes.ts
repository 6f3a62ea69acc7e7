// From a stake split to amounts a person can place: rounded to the stake unit, with what each state then pays.

/** Drops binary noise below 1e-10 (33.33, not 33.330000000000005) from sums of money. */
const clean = (amount: number): number => Math.round(amount * 1e10) / 1e10

/** `amount` to the nearest multiple of `unit`. */
export const roundTo = (amount: number, unit: number): number => clean(Math.round(amount / unit) * unit)

export interface StakeLeg {
  readonly cover: number
  /** Payout per unit stake after commission. */
  readonly effective: number
}

export interface StakePlan {
  /** Rounded stake per leg. */
  readonly stakes: ReadonlyArray<number>
  readonly staked: number
  /** What the rounded stakes pay in each state. */
  readonly payouts: ReadonlyArray<number>
  /** The worst case after rounding: the smallest payout minus the total staked. */
  readonly profit: number
}

/**
 * Splits `bankroll` by `weights` (summing to 1) and rounds each stake to the nearest `unit`. Rounding moves
 * each stake by at most unit/2, so the total stays within legs·unit/2 of the bankroll and each state's
 * payout within unit/2 · (its legs' prices) of the exact equal payout.
 */
export const planStakes = (
  legs: ReadonlyArray<StakeLeg>,
  weights: ReadonlyArray<number>,
  stateCount: number,
  bankroll: number,
  unit: number
): StakePlan => {
  const stakes = weights.map((w) => roundTo(w * bankroll, unit))
  const staked = clean(stakes.reduce((a, b) => a + b, 0))
  const payouts = Array.from({ length: stateCount }, (_, s) =>
    clean(legs.reduce((paid, leg, j) => (leg.cover & (1 << s)) !== 0 ? paid + stakes[j]! * leg.effective : paid, 0)))
  return { stakes, staked, payouts, profit: clean(Math.min(...payouts) - staked) }
}
