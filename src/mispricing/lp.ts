// The guaranteed return of a set of bets over a few mutually exclusive states, solved exactly.
//
// A leg pays `price` per unit staked in every state its `cover` (a bit mask over the states) contains.
// maxMinReturn solves: maximise t subject to Σ_j w_j·price_j·[s ∈ cover_j] ≥ t for every state s,
// Σ w_j = 1, w ≥ 0. With x = w/t this is: minimise Σx subject to M·x ≥ 1, x ≥ 0, and t = 1/Σx.
// An optimum lies at a vertex, where as many states are tight (pay exactly 1 in x units) as legs carry
// stakes; with at most 3 states and a handful of legs we enumerate every (support, tight states) pair,
// solve its small square system, keep the feasible ones and take the best. No iterative solver.

export interface LpLeg {
  readonly cover: number
  readonly price: number
}

export interface LpSolution {
  /** Stake fraction per input leg (0 for legs outside the support); sums to 1. */
  readonly weights: ReadonlyArray<number>
  /** Guaranteed return per unit staked: the smallest payout over the states. */
  readonly ret: number
}

const eps = 1e-12

const covers = (cover: number, state: number): boolean => (cover & (1 << state)) !== 0

/** Solves the square system A·x = b in place by Gaussian elimination; undefined when singular. */
const solveSquare = (a: Array<Array<number>>, b: Array<number>): Array<number> | undefined => {
  const n = b.length
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row
    }
    if (Math.abs(a[pivot]![col]!) < eps) return undefined
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    ;[b[col], b[pivot]] = [b[pivot]!, b[col]!]
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!
      for (let k = col; k < n; k++) a[row]![k]! -= factor * a[col]![k]!
      b[row]! -= factor * b[col]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!
    x[row] = sum / a[row]![row]!
  }
  return x
}

/**
 * The vertex where the legs in `support` make every state in `tight` pay exactly 1 (in x units): returns
 * the weights and return, or undefined when the system is singular, a stake is negative, or another state
 * would pay less than the tight ones.
 */
const vertex = (
  legs: ReadonlyArray<LpLeg>,
  stateCount: number,
  support: ReadonlyArray<number>,
  tight: ReadonlyArray<number>
): LpSolution | undefined => {
  const matrix = tight.map((s) => support.map((j) => covers(legs[j]!.cover, s) ? legs[j]!.price : 0))
  const x = solveSquare(matrix, tight.map(() => 1))
  if (x === undefined || x.some((v) => v < -eps)) return undefined
  const total = x.reduce((sum, v) => sum + Math.max(v, 0), 0)
  if (total <= eps) return undefined
  for (let s = 0; s < stateCount; s++) {
    let paid = 0
    support.forEach((j, k) => {
      if (covers(legs[j]!.cover, s)) paid += Math.max(x[k]!, 0) * legs[j]!.price
    })
    if (paid < 1 - 1e-9) return undefined
  }
  const weights = new Array<number>(legs.length).fill(0)
  support.forEach((j, k) => (weights[j] = Math.max(x[k]!, 0) / total))
  return { weights, ret: 1 / total }
}

/** Every k-element subset of 0..n-1, in lexicographic order. */
const subsets = (n: number, k: number): Array<Array<number>> => {
  if (k === 0) return [[]]
  const out: Array<Array<number>> = []
  for (let first = 0; first <= n - k; first++) {
    for (const rest of subsets(n - first - 1, k - 1)) out.push([first, ...rest.map((r) => r + first + 1)])
  }
  return out
}

const subsetCache = new Map<string, ReadonlyArray<ReadonlyArray<number>>>()
const cachedSubsets = (n: number, k: number): ReadonlyArray<ReadonlyArray<number>> => {
  const key = `${n}/${k}`
  let found = subsetCache.get(key)
  if (found === undefined) {
    found = subsets(n, k)
    subsetCache.set(key, found)
  }
  return found
}

/**
 * The stake split over `legs` that maximises the guaranteed return over `stateCount` states (≤ 3 in
 * practice; any small count works). Ties keep the solution with fewer legs. Undefined when the legs
 * cannot cover every state.
 */
export const maxMinReturn = (legs: ReadonlyArray<LpLeg>, stateCount: number): LpSolution | undefined => {
  let best: LpSolution | undefined
  for (let size = 1; size <= Math.min(stateCount, legs.length); size++) {
    for (const support of cachedSubsets(legs.length, size)) {
      for (const tight of cachedSubsets(stateCount, size)) {
        const found = vertex(legs, stateCount, support, tight)
        if (found !== undefined && (best === undefined || found.ret > best.ret * (1 + 1e-12))) best = found
      }
    }
  }
  return best
}

/**
 * An upper bound on maxMinReturn from any distribution π over the states (weak duality): whatever the
 * split, its worst state pays at most its π-expected payout, which is at most max_j price_j · π(cover_j).
 */
export const dualBound = (legs: ReadonlyArray<LpLeg>, pi: ReadonlyArray<number>): number => {
  let bound = 0
  for (const leg of legs) {
    let mass = 0
    pi.forEach((p, s) => {
      if (covers(leg.cover, s)) mass += p
    })
    bound = Math.max(bound, leg.price * mass)
  }
  return bound
}

/**
 * The split over all of a market's `legs` (one per state, or double chance's three over three results)
 * that pays the same in every state: undefined if there is no such split with non-negative stakes.
 */
export const equalPayout = (legs: ReadonlyArray<LpLeg>, stateCount: number): LpSolution | undefined =>
  legs.length === stateCount
    ? vertex(legs, stateCount, legs.map((_, j) => j), Array.from({ length: stateCount }, (_, s) => s))
    : undefined
