// How a simulated bookmaker turns a true probability into a price. Every price is the fair price reduced
// by the bookmaker's margin (3–8 %) and moved by a noise strictly smaller than the smallest margin, so that
// without injected mispricings every price is below fair and no combination of prices, within or across
// markets and bookmakers, can guarantee a profit (the true probabilities are the certificate).
import { type Bookmaker, bookmakers, type Market, markets } from "../domain/Market.ts"
import { unit } from "./Prng.ts"

export type Margins = { readonly [B in Bookmaker]: { readonly [M in Market]: number } }

export const minMargin = 0.03
export const maxMargin = 0.08
/** Relative noise bounds: both far below minMargin (1.0075 / 1.03 leaves every price ≥ 2 % under fair). */
export const noise = { upcoming: 0.0075, live: 0.005 } as const
/** Books take a little more in play. */
export const liveMarginExtra = 0.01

const marketShift: { readonly [M in Market]: readonly [number, number] } = {
  three_way: [-0.005, 0.005],
  btts: [0, 0.015],
  double_chance: [0, 0.01]
}

const clampMargin = (m: number): number => Math.min(maxMargin, Math.max(minMargin, m))

/** Each bookmaker's margin: a fixed base per bookmaker (3.5–6.5 %) shifted a little per market. */
export const margins = (seed: string): Margins =>
  Object.fromEntries(bookmakers.map((b) => {
    const base = 0.035 + 0.03 * unit(seed, b, "margin")
    return [b, Object.fromEntries(markets.map((m) => {
      const [lo, hi] = marketShift[m]
      return [m, Math.round(clampMargin(base + lo + (hi - lo) * unit(seed, b, m, "margin")) * 10_000) / 10_000]
    }))]
  })) as Margins

export const liveMargin = (margin: number): number => Math.min(maxMargin, margin + liveMarginExtra)

const maxPrice = 101
const minPrice = 1.02

/**
 * The price a book shows for an outcome of probability `p`: fair / (1 + margin) × (1 + noise), floored to
 * two decimals and capped (flooring and capping only ever lower a price). Null when the book would not
 * offer it: an impossible outcome, or one so likely that the price would be under 1.02.
 */
export const bookPrice = (p: number, margin: number, relativeNoise: number): number | null => {
  if (p <= 1e-9) return null
  const price = Math.floor(Math.min(maxPrice, (1 + relativeNoise) / (p * (1 + margin))) * 100) / 100
  return price < minPrice ? null : price
}
