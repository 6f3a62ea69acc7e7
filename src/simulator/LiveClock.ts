// The timeline of a match as a pure function of its script and the clock: which minute it shows, how much
// of the 90 minutes is played, and the score. Nothing is stored between polls, so every process serving
// the same world agrees on the state of every match at every instant.

export type Team = "home" | "away"

export interface MatchScript {
  readonly kickoffMs: number
  readonly firstHalfStoppage: number // minutes
  readonly secondHalfStoppage: number
  /** Game minute (1–90) of each goal, in order. */
  readonly goals: ReadonlyArray<{ readonly minute: number; readonly team: Team }>
}

export interface LiveState {
  /** The minute a feed shows (46, 47 in first-half stoppage time; 45 at half-time). */
  readonly minute: number
  /** Whole minutes of the 90 played; prices are computed from this, so they change at most once a minute. */
  readonly played: number
  readonly homeScore: number
  readonly awayScore: number
  readonly phase: "first half" | "half time" | "second half"
}

const minuteMs = 60_000
const halfTime = 15

/** When the final whistle blows. */
export const matchEndMs = (s: MatchScript): number =>
  s.kickoffMs + (45 + s.firstHalfStoppage + halfTime + 45 + s.secondHalfStoppage) * minuteMs

/** The longest a match can last (for looking up matches in play). */
export const longestMatchMs = (45 + 4 + halfTime + 45 + 6) * minuteMs

/** The state of a match at `nowMs`, or undefined before kickoff and after the final whistle. */
export const liveState = (s: MatchScript, nowMs: number): LiveState | undefined => {
  const elapsed = (nowMs - s.kickoffMs) / minuteMs
  if (elapsed < 0 || nowMs >= matchEndMs(s)) return undefined
  const firstHalfEnd = 45 + s.firstHalfStoppage
  const at = (minute: number, played: number, phase: LiveState["phase"]): LiveState => {
    const scored = (team: Team) => s.goals.filter((g) => g.team === team && g.minute <= played).length
    return { minute, played, homeScore: scored("home"), awayScore: scored("away"), phase }
  }
  if (elapsed < firstHalfEnd) return at(Math.floor(elapsed) + 1, Math.min(45, Math.floor(elapsed)), "first half")
  if (elapsed < firstHalfEnd + halfTime) return at(45, 45, "half time")
  const second = Math.floor(elapsed - firstHalfEnd - halfTime)
  return at(46 + second, Math.min(90, 45 + second), "second half")
}

/**
 * Books stop taking bets around a goal. Markets are suspended while `played` is within a minute before to a
 * minute after a goal, so two quotes on either side of a goal are always minutes apart, never seconds.
 */
export const nearGoal = (s: MatchScript, played: number): boolean =>
  s.goals.some((g) => played >= g.minute - 1 && played <= g.minute + 1)
