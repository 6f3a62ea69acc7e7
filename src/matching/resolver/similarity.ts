// How alike two team names are, and when they must never join: different sides (women's, U-xx, B/II),
// clubs the alias table knows apart, and names that each keep words of their own ("Manchester United" /
// "Manchester City") or that share only common words ("Inter" / "Inter Miami").
import type { LeagueName, TeamName } from "./names.ts"
import { sameTier, tierCode } from "./tier.ts"
import { genericWords } from "./vocabulary.ts"

export interface TeamMatch {
  /** 0 … 1; 0 when there is a conflict. */
  readonly score: number
  /** Why these names can never be the same team. */
  readonly conflict?: string
  /** One name has words the other lacks ("Crawley" / "Crawley Town"): the shorter may be another club of the town. */
  readonly partial?: true
}

const numeric = /^\d+$/

/** Winkler's prefix-boosted Jaro similarity. */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return 1
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
  const aHit = new Array<boolean>(a.length).fill(false)
  const bHit = new Array<boolean>(b.length).fill(false)
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (!bHit[j] && a[i] === b[j]) {
        aHit[i] = bHit[j] = true
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue
    while (!bHit[j]) j++
    if (a[i] !== b[j]) transpositions++
    j++
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/** Edits (insert, delete, substitute, swap two neighbours) between two words; the optimal string alignment distance. */
export const editDistance = (a: string, b: string): number => {
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      current.push(d)
    }
    before = previous
    previous = current
  }
  return previous[b.length]!
}

const isSubsequence = (short: string, long: string): boolean => {
  let i = 0
  for (let j = 0; j < long.length && i < short.length; j++) if (short[i] === long[j]) i++
  return i === short.length
}

interface WordMatch {
  readonly sim: number
  /** An abbreviation: the shorter word stands for the longer one ("Nottm" / "Nottingham"). */
  readonly abbreviates: "a" | "b" | undefined
}

const noMatch: WordMatch = { sim: 0, abbreviates: undefined }

/**
 * Two words in comparison form: equal, an abbreviation of one another, or a spelling variant: alike by
 * Jaro-Winkler and one edit apart (two from six letters: "Rennais" / "Rennes"). Jaro-Winkler alone rewards a shared beginning, and
 * town names are built from shared beginnings ("Castelreal" / "Castelalto", "Grootmeer" / "Grootdam").
 */
export const wordMatch = (a: string, b: string): WordMatch => {
  if (a === b) return { sim: 1, abbreviates: undefined }
  if (numeric.test(a) || numeric.test(b)) return noMatch
  const aShort = a.length <= b.length
  const [short, long] = aShort ? [a, b] : [b, a]
  if (short.length >= 3 && short[0] === long[0]) {
    if (long.startsWith(short)) return { sim: 0.85, abbreviates: aShort ? "a" : "b" }
    if (isSubsequence(short, long)) return { sim: 0.8, abbreviates: aShort ? "a" : "b" }
  }
  const edits = short.length >= 6 ? 2 : 1
  // Lengths further apart than the edits allowed cannot qualify: skip the costlier measures.
  if (short.length >= 4 && long.length - short.length <= edits) {
    const jw = jaroWinkler(a, b)
    if (jw >= 0.9 && editDistance(a, b) <= edits) return { sim: jw, abbreviates: undefined }
  }
  return noMatch
}

/** Words many clubs share, and numbers (founding years), weigh less than a club's own words. */
const weightOf = (token: string): number => (genericWords.has(token) || numeric.test(token) ? 0.35 : 1)

interface Side {
  readonly name: TeamName
  readonly matched: Array<number> // similarity per word position, 0 = unmatched
}

/**
 * Pairs words one to one, best pairs first; then words left on both sides that are initials ("PSG",
 * "SG" / "Saint Germain"), joined forms ("Monchengladbach" / "Monchen Gladbach") or a lone initial
 * ("B. Dortmund") of words left on the other side.
 */
const align = (a: TeamName, b: TeamName): { readonly a: Side; readonly b: Side; readonly weakLeft: boolean } => {
  const left = { name: a, matched: a.keys.map(() => 0) }
  const right = { name: b, matched: b.keys.map(() => 0) }
  const abbreviating: Array<readonly [Side, number]> = []
  const pairs: Array<{ i: number; j: number; m: WordMatch }> = []
  a.keys.forEach((ka, i) =>
    b.keys.forEach((kb, j) => {
      const m = wordMatch(ka, kb)
      if (m.sim > 0) pairs.push({ i, j, m })
    })
  )
  pairs.sort((x, y) => y.m.sim - x.m.sim || x.i - y.i || x.j - y.j)
  for (const { i, j, m } of pairs) {
    if (left.matched[i] !== 0 || right.matched[j] !== 0) continue
    left.matched[i] = right.matched[j] = m.sim
    if (m.abbreviates === "a") abbreviating.push([left, i])
    if (m.abbreviates === "b") abbreviating.push([right, j])
  }
  for (const [short, long] of [[left, right], [right, left]] as const) {
    short.name.keys.forEach((word, i) => {
      if (short.matched[i] !== 0) return
      const run = abbreviatedRun(word, long)
      if (run === undefined) return
      short.matched[i] = run.sim
      for (const j of run.positions) long.matched[j] = run.sim
      if (run.sim < 1) abbreviating.push([short, i])
    })
  }
  const weakLeft = abbreviating.some(([side]) => side.matched.some((s) => s === 0))
  return { a: left, b: right, weakLeft }
}

/** Unmatched consecutive words of `long` that `word` abbreviates or joins. */
const abbreviatedRun = (
  word: string,
  long: Side
): { readonly positions: ReadonlyArray<number>; readonly sim: number } | undefined => {
  const keys = long.name.keys
  const free = (j: number) => j < keys.length && long.matched[j] === 0
  for (let start = 0; start < keys.length; start++) {
    if (!free(start)) continue
    if (word.length === 1) {
      if (keys[start]!.startsWith(word)) return { positions: [start], sim: 0.7 }
      continue
    }
    let initials = ""
    let joined = ""
    for (let end = start; free(end); end++) {
      initials += keys[end]![0]
      joined += keys[end]
      if (end === start || joined !== word && initials !== word) continue
      const positions = Array.from({ length: end - start + 1 }, (_, k) => start + k)
      return { positions, sim: joined === word ? 1 : 0.9 }
    }
  }
  return undefined
}

const coverage = (side: Side): number => {
  let total = 0
  let matched = 0
  side.name.tokens.forEach((t, i) => {
    const w = weightOf(t)
    total += w
    matched += w * side.matched[i]!
  })
  return total === 0 ? 0 : matched / total
}

const leftover = (side: Side): Array<string> => side.name.tokens.filter((_, i) => side.matched[i] === 0)

const conflict = (reason: string): TeamMatch => ({ score: 0, conflict: reason })

const describe = (name: TeamName): string => name.tokens.join(" ") + (tierCode(name.tier) === "" ? "" : ` (${tierCode(name.tier)})`)

/**
 * Similarity of two team names, or the reason they cannot be the same team. Scores favour containment
 * ("Tottenham" in "Tottenham Hotspur") and are lowered a little by words only one side has; such a match is
 * `partial`.
 */
export const teamSimilarity = (a: TeamName, b: TeamName): TeamMatch => {
  if (!sameTier(a.tier, b.tier)) return conflict(`different sides: ${describe(a)} / ${describe(b)}`)
  if (a.known !== undefined && b.known !== undefined) {
    return a.known === b.known ? { score: 1 } : conflict(`different clubs: ${a.canonical} / ${b.canonical}`)
  }
  if (a.forms.length > 0 && b.forms.length > 0 && !a.forms.some((f) => b.forms.includes(f))) {
    return conflict(`different legal forms: ${describe(a)} (${a.forms.join(" ")}) / ${describe(b)} (${b.forms.join(" ")})`)
  }
  if (a.id === b.id) return { score: 1 }
  const aligned = align(a, b)
  const restA = leftover(aligned.a)
  const restB = leftover(aligned.b)
  const shared = a.tokens.filter((_, i) => aligned.a.matched[i] !== 0)
  if (shared.length === 0) return { score: 0 }
  if (restA.length > 0 && restB.length > 0) {
    return conflict(`distinct words: ${restA.join(" ")} / ${restB.join(" ")}`)
  }
  const sharedB = b.tokens.filter((_, j) => aligned.b.matched[j] !== 0)
  if ((restA.length > 0 || restB.length > 0) && [...shared, ...sharedB].every((t) => weightOf(t) < 1)) {
    return conflict(`only common words shared: ${shared.join(" ")}`)
  }
  if (aligned.weakLeft) return conflict(`abbreviation with extra words: ${describe(a)} / ${describe(b)}`)
  // Words only one name has, numbers aside (founding years come and go: "Schalke 04" / "FC Schalke").
  const extra = [...restA, ...restB].filter((t) => !numeric.test(t))
  const shorter = restB.length > 0 ? a : b
  // A legal form plus the town is a whole name: the town's other clubs are the ones with more words.
  if (extra.length > 0 && shorter.forms.length > 0) {
    return conflict(`legal form instead of words: ${describe(shorter)} (${shorter.forms.join(" ")}) / ${extra.join(" ")}`)
  }
  const covA = coverage(aligned.a)
  const covB = coverage(aligned.b)
  const score = Math.max(covA, covB) * (0.8 + 0.2 * Math.min(covA, covB))
  return extra.length > 0 ? { score, partial: true } : { score }
}

/** Whether two competitions agree, disagree, or cannot be compared (a league is missing). */
export const leagueAgreement = (a: LeagueName | undefined, b: LeagueName | undefined): "same" | "different" | "unknown" => {
  if (a === undefined || b === undefined) return "unknown"
  if (a.id === b.id) return "same"
  if (!sameTier(a.tier, b.tier)) return "different"
  const restA = a.keys.filter((k) => !b.keys.some((l) => wordMatch(k, l).sim >= 0.9))
  const restB = b.keys.filter((k) => !a.keys.some((l) => wordMatch(k, l).sim >= 0.9))
  const shared = a.keys.length - restA.length
  return shared > 0 && (restA.length === 0 || restB.length === 0) ? "same" : "different"
}
