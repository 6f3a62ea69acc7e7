// Removing a bookmaker's margin: from implied probabilities q_i = 1/price_i (summing to 1 + margin) to fair
// probabilities summing to 1. The methods differ in how they spread the margin over favourites and long shots.
import type { DevigMethod } from "./Settings.ts"

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0)

/** Root of a decreasing function on [lo, hi] by bisection, to a relative width of 1e-14. */
const bisect = (f: (x: number) => number, lo: number, hi: number): number => {
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2
    if (f(mid) > 0) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** p_i = q_i / Σq: the margin is spread in proportion to each probability. */
export const multiplicative = (implied: ReadonlyArray<number>): Array<number> => {
  const total = sum(implied)
  return implied.map((q) => q / total)
}

/** p_i = q_i − (Σq − 1)/n: every outcome carries the same share of the margin (long shots can go ≤ 0). */
export const additive = (implied: ReadonlyArray<number>): Array<number> => {
  const share = (sum(implied) - 1) / implied.length
  return implied.map((q) => q - share)
}

/** p_i = q_i^k with k such that Σ q_i^k = 1: long shots carry more of the margin. */
export const power = (implied: ReadonlyArray<number>): Array<number> => {
  const excess = (k: number) => { // decreasing in k as every q < 1
    let total = -1
    for (const q of implied) total += q ** k
    return total
  }
  let hi = 1
  while (excess(hi) > 0) hi *= 2
  const k = bisect(excess, 0, hi)
  return implied.map((q) => q ** k)
}

/**
 * Shin's model: a share z of the money comes from insiders, which gives
 * p_i = (√(z² + 4(1 − z)·q_i²/Σq) − z) / (2(1 − z)); z ∈ [0, 1) is the one that makes Σ p_i = 1.
 * Σp falls from √Σq at z = 0 to Σq²/Σq < 1 as z → 1, so bisection brackets it whenever Σq > 1.
 * A book without margin (Σq ≤ 1) has no insider share to find: it is normalised as is.
 */
export const shin = (implied: ReadonlyArray<number>): Array<number> => {
  const booksum = sum(implied)
  if (booksum <= 1) return multiplicative(implied)
  const shinP = (q: number, z: number) => (Math.sqrt(z * z + 4 * (1 - z) * q * q / booksum) - z) / (2 * (1 - z))
  const z = bisect((z) => {
    let total = -1
    for (const q of implied) total += shinP(q, z)
    return total
  }, 0, 1 - 1e-12)
  return implied.map((q) => shinP(q, z))
}

const methods: { readonly [M in DevigMethod]: (implied: ReadonlyArray<number>) => Array<number> } = {
  multiplicative,
  additive,
  power,
  shin
}

/** Fair probabilities of a complete book of decimal prices. */
export const devig = (method: DevigMethod, prices: ReadonlyArray<number>): Array<number> =>
  methods[method](prices.map((p) => 1 / p))
