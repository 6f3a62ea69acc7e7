// The canonical period of a job (`stream_date`) before each bookmaker maps it to its own notation.
// Canonical form: a whole day offset from today (UTC), "0" = today … "4"; live jobs carry "live"
// (the seed's Alpha notation "-1" is accepted as a synonym). Each bookmaker checks its own range.
import type { DataSource } from "./Market.ts"

export type Period =
  | { readonly _tag: "Live" }
  | { readonly _tag: "Day"; readonly offset: number }

export const live: Period = { _tag: "Live" }
export const day = (offset: number): Period => ({ _tag: "Day", offset })

/** Parses a job's stream_date for its data source; undefined when it is not a period at all. */
export const parsePeriod = (source: DataSource, streamDate: string): Period | undefined => {
  const s = streamDate.trim().toLowerCase()
  if (source === "live") return s === "live" || s === "-1" || s === "0" ? live : undefined
  if (!/^-?\d{1,3}$/.test(s)) return undefined
  return day(Number(s))
}

/** The canonical stream_date values the scheduler emits for a source. */
export const periodsFor = (source: DataSource, days: number): ReadonlyArray<string> =>
  source === "live" ? ["live"] : Array.from({ length: days }, (_, i) => String(i))

export const formatPeriod = (p: Period): string => (p._tag === "Live" ? "live" : String(p.offset))
