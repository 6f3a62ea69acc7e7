// The true probability model of a fixture: independent Poisson goals for each side. Pre-match it uses the
// full 90 minutes; in play, the goals still to come over the minutes left, added to the current score.
import type { Outcome } from "../domain/Market.ts"

export interface Probabilities {
  readonly home: number
  readonly draw: number
  readonly away: number
  readonly yes: number // both teams score
}

const maxGoals = 12

const poissonTable = (mean: number): Array<number> => {
  const table = [Math.exp(-mean)]
  for (let k = 1; k <= maxGoals; k++) table.push((table[k - 1]! * mean) / k)
  return table
}

/** Full-time outcome probabilities from the score so far and the expected goals still to come. */
export const finalProbabilities = (
  remaining: { readonly home: number; readonly away: number },
  score: { readonly home: number; readonly away: number } = { home: 0, away: 0 }
): Probabilities => {
  const ph = poissonTable(remaining.home)
  const pa = poissonTable(remaining.away)
  let home = 0
  let draw = 0
  let away = 0
  for (let x = 0; x <= maxGoals; x++) {
    for (let y = 0; y <= maxGoals; y++) {
      const p = ph[x]! * pa[y]!
      const diff = score.home + x - (score.away + y)
      if (diff > 0) home += p
      else if (diff === 0) draw += p
      else away += p
    }
  }
  const total = home + draw + away // the truncated tail is spread proportionally
  const scores = (already: number, mean: number) => (already > 0 ? 1 : 1 - Math.exp(-mean))
  return { home: home / total, draw: draw / total, away: away / total, yes: scores(score.home, remaining.home) * scores(score.away, remaining.away) }
}

/** The probability of one outcome of any market. */
export const outcomeProbability = (p: Probabilities, outcome: Outcome): number => {
  switch (outcome) {
    case "home":
      return p.home
    case "draw":
      return p.draw
    case "away":
      return p.away
    case "1X":
      return p.home + p.draw
    case "12":
      return p.home + p.away
    case "X2":
      return p.draw + p.away
    case "yes":
      return p.yes
    case "no":
      return 1 - p.yes
  }
}

/** Expected goals over 90 minutes from the two sides' ratings (home advantage included). */
export const expectedGoals = (homeRating: number, awayRating: number): { readonly home: number; readonly away: number } => {
  const clamp = (x: number) => Math.min(3.5, Math.max(0.25, x))
  const diff = homeRating - awayRating
  return { home: clamp(Math.exp(Math.log(1.45) + 0.8 * diff)), away: clamp(Math.exp(Math.log(1.15) - 0.8 * diff)) }
}
