// Side/tier markers: women's, youth (U-xx) and reserve (B/II) sides are different teams from the senior
// side of the same club. They are taken out of the name before any fuzzy comparison and must agree.
import {
  ageWords,
  leadingReserve,
  namedReserves,
  reserveWords,
  trailingReserve,
  trailingThird,
  womenWords,
  youthAges,
  youthWords
} from "./vocabulary.ts"

export interface Tier {
  readonly women: boolean
  /** An age group (21 for U-21), "youth" when the name says youth without an age, undefined for senior. */
  readonly youth: number | "youth" | undefined
  /** 2 for a second team (B, II, reserves), 3 for a third team, 0 otherwise. */
  readonly reserve: 0 | 2 | 3
}

export const senior: Tier = { women: false, youth: undefined, reserve: 0 }

/** "" for a senior side; otherwise e.g. "women", "u21", "youth", "ii", "women-u19". */
export const tierCode = (tier: Tier): string =>
  [
    tier.women ? "women" : "",
    tier.youth === undefined ? "" : tier.youth === "youth" ? "youth" : `u${tier.youth}`,
    tier.reserve === 0 ? "" : tier.reserve === 2 ? "ii" : "iii"
  ].filter((p) => p !== "").join("-")

/** Same side: equal markers, except that an unspecified "youth" agrees with any age group. */
export const sameTier = (a: Tier, b: Tier): boolean =>
  a.women === b.women && a.reserve === b.reserve &&
  (a.youth === b.youth || (a.youth !== undefined && b.youth !== undefined && (a.youth === "youth" || b.youth === "youth")))

export const mergeTiers = (a: Tier, b: Tier): Tier => ({
  women: a.women || b.women,
  youth: a.youth === undefined || a.youth === "youth" ? b.youth ?? a.youth : a.youth,
  reserve: a.reserve === 0 ? b.reserve : a.reserve
})

const ageOf = (token: string | undefined): number | undefined => {
  if (token === undefined || !/^\d{2}s?$/.test(token)) return undefined
  const age = Number.parseInt(token, 10)
  return age >= youthAges.min && age <= youthAges.max ? age : undefined
}
const compactAge = (token: string): number | undefined => {
  const m = /^(?:u|sub)(\d{2}s?)$/.exec(token)
  return m === null ? undefined : ageOf(m[1])
}

/**
 * Splits tier markers from the rest of a name. `positional` enables the markers that only mean a tier by
 * their place in a club name (trailing "B"/"II"/"2"/"W", "Castilla", leading "Jong"); league names use
 * only the explicit words ("Women's Super League", "U21 Premier League"), since "Serie B" is not a B side.
 * A marker is never taken when it is the whole name ("Castilla", "Jong"), nor from positions in `kept`:
 * words of a club's own name that look like markers ("Boca Juniors", "Willem II").
 */
export const extractTier = (
  tokens: ReadonlyArray<string>,
  positional: boolean,
  kept: ReadonlySet<number> = new Set()
): { readonly tier: Tier; readonly rest: Array<string> } => {
  let women = false
  let youth: Tier["youth"] = undefined
  let reserve: Tier["reserve"] = 0
  const rest: Array<string> = []
  const keptRest = new Set<number>()
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (kept.has(i)) {
      keptRest.add(rest.length)
      rest.push(t)
      continue
    }
    const compact = compactAge(t)
    const spaced = ageWords.has(t) ? ageOf(tokens[i + 1]) : undefined
    if (womenWords.has(t)) women = true
    else if (compact !== undefined) youth = compact
    else if (spaced !== undefined) {
      youth = spaced
      i++
    } else if (youthWords.has(t)) youth ??= "youth"
    else if (reserveWords.has(t)) reserve = 2
    else rest.push(t)
  }
  if (positional) {
    while (rest.length > 1 && !keptRest.has(rest.length - 1)) {
      const last = rest[rest.length - 1]!
      if (last === "w") women = true
      else if (trailingReserve.has(last) || namedReserves.has(last)) reserve = 2
      else if (trailingThird.has(last)) reserve = 3
      else break
      rest.pop()
    }
    if (rest.length > 1 && !keptRest.has(0) && leadingReserve.has(rest[0]!)) {
      rest.shift()
      reserve = 2
    }
  }
  if (rest.length === 0) return { tier: senior, rest: [...tokens] }
  return { tier: { women, youth, reserve }, rest }
}
