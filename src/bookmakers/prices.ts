// Price notations bookmakers publish, converted to and from the canonical decimal price. Pure functions:
// parsing returns undefined for anything that is not a valid price of that notation.

/** `s` without surrounding white space (trim is only called when there may be some). */
const trimmed = (s: string): string => {
  const first = s.charCodeAt(0)
  const last = s.charCodeAt(s.length - 1)
  return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim()
}

/** The value of the ASCII digits of `s` from `from` to `to`, or -1 if there are none or one is not a digit. */
const digitsValue = (s: string, from: number, to: number): number => {
  if (from >= to) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    n = n * 10 + d
  }
  return n
}

const powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

/**
 * "2.10" → 2.1. Plain decimal notation, no exponent, no sign: one to six digits, then optionally a point
 * and one to six digits. (A whole number of at most 12 digits over a power of ten divides to the same
 * double as Number() of the text: both are the correctly rounded value.)
 */
export const parseDecimal = (s: string): number | undefined => {
  const t = trimmed(s)
  const point = t.indexOf(".")
  const end = point === -1 ? t.length : point
  if (end > 6) return undefined
  const whole = digitsValue(t, 0, end)
  if (whole < 0) return undefined
  let n = whole
  if (point !== -1) {
    const places = t.length - point - 1
    if (places > 6) return undefined
    const fraction = digitsValue(t, point + 1, t.length)
    if (fraction < 0) return undefined
    n = (whole * powersOfTen[places]! + fraction) / powersOfTen[places]!
  }
  return n > 1 ? n : undefined
}

export const formatDecimal = (d: number): string => d.toFixed(2)

/** "5/4" → 2.25, "evs" (evens) → 2. Fractional odds give the profit per unit staked (one to six digits each side). */
export const parseFractional = (s: string): number | undefined => {
  const t = trimmed(s)
  const slash = t.indexOf("/")
  if (slash === -1) {
    const word = t.toLowerCase()
    return word === "evs" || word === "evens" ? 2 : undefined
  }
  if (slash > 6 || t.length - slash - 1 > 6) return undefined
  const num = digitsValue(t, 0, slash)
  const den = digitsValue(t, slash + 1, t.length)
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

/** "+150" → 2.5, "-120" → 1.8333…: a sign and three to seven digits; magnitudes below 100 are not American odds. */
export const parseAmerican = (s: string): number | undefined => {
  const t = trimmed(s)
  const sign = t.charCodeAt(0)
  if ((sign !== 43 && sign !== 45) || t.length < 4 || t.length > 8) return undefined
  const n = digitsValue(t, 1, t.length)
  if (n < 100) return undefined
  return sign === 43 ? 1 + n / 100 : 1 + 100 / n
}

/** 2.5 → "+150", 1.8333 → "-120", 2 → "+100". */
export const formatAmerican = (d: number): string =>
  d >= 2 ? `+${Math.round((d - 1) * 100)}` : `-${Math.max(100, Math.round(100 / (d - 1)))}`
