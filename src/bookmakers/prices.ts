// Price notations bookmakers publish, converted to and from the canonical decimal price. Pure functions:
// parsing returns undefined for anything that is not a valid price of that notation.

/** "2.10" → 2.1. Plain decimal notation, no exponent, no sign. */
export const parseDecimal = (s: string): number | undefined => {
  const t = s.trim()
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(t)) return undefined
  const n = Number(t)
  return n > 1 ? n : undefined
}

export const formatDecimal = (d: number): string => d.toFixed(2)

/** "5/4" → 2.25, "evs" (evens) → 2. Fractional odds give the profit per unit staked. */
export const parseFractional = (s: string): number | undefined => {
  const t = s.trim().toLowerCase()
  if (t === "evs" || t === "evens") return 2
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(t)
  if (m === null) return undefined
  const num = Number(m[1])
  const den = Number(m[2])
  return num > 0 && den > 0 ? 1 + num / den : undefined
}

/** The closest fraction to `x` with a denominator of at most `maxDen` (Stern–Brocot / continued fractions). */
const bestFraction = (x: number, maxDen: number): readonly [number, number] => {
  let [h0, h1, k0, k1] = [0, 1, 1, 0]
  let r = x
  for (;;) {
    const a = Math.floor(r)
    const k2 = a * k1 + k0
    if (k2 > maxDen) break
    ;[h0, h1] = [h1, a * h1 + h0]
    ;[k0, k1] = [k1, k2]
    if (Math.abs(r - a) < 1e-9) break
    r = 1 / (r - a)
  }
  // The last semiconvergent within maxDen may be closer than the last convergent.
  const t = Math.floor((maxDen - k0) / k1)
  const [sh, sk] = [h0 + t * h1, k0 + t * k1]
  return Math.abs(sh / sk - x) < Math.abs(h1 / k1 - x) ? [sh, sk] : [h1, k1]
}

/** 2.25 → "5/4", 2 → "evs". Denominators up to 100, like the ladders bookmakers print. */
export const formatFractional = (d: number): string => {
  const [num, den] = bestFraction(d - 1, 100)
  if (num === den) return "evs"
  return num === 0 ? "1/100" : `${num}/${den}`
}

/** "+150" → 2.5, "-120" → 1.8333…; magnitudes below 100 are not American odds. */
export const parseAmerican = (s: string): number | undefined => {
  const m = /^([+-])(\d{3,7})$/.exec(s.trim())
  if (m === null) return undefined
  const n = Number(m[2])
  if (n < 100) return undefined
  return m[1] === "+" ? 1 + n / 100 : 1 + 100 / n
}

/** 2.5 → "+150", 1.8333 → "-120", 2 → "+100". */
export const formatAmerican = (d: number): string =>
  d >= 2 ? `+${Math.round((d - 1) * 100)}` : `-${Math.max(100, Math.round(100 / (d - 1)))}`
