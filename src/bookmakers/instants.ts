// Time notations bookmakers publish, read to milliseconds since the epoch and written as ISO-8601 UTC.
// Pure functions, read character by character: every event of a feed carries a kickoff, and the general
// Date.parse / toISOString cost more than the rest of that event's decoding. Results are those of
// Date.parse and Date.prototype.toISOString (test/bookmakers/instants.test.ts compares them).

const DAY_MS = 86_400_000

/** The value of the `length` ASCII digits of `s` from `at`, or -1 if one of them is not a digit. */
const digits = (s: string, at: number, length: number): number => {
  let n = 0
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    n = n * 10 + d
  }
  return n
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (a day past its month's end rolls over). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

/**
 * The instant of "YYYY-MM-DD" + `separator` + "HH:MM" at `s`'s start, with optional ":SS" and fraction
 * when `seconds` is "optional" ("required": ":SS" and no fraction). Returns the UTC milliseconds of those
 * fields and where they end, or undefined for what Date.parse refuses (month 1–12, day 1–31, hour 0–24
 * with 24 only at 24:00 and a fraction of zeros, minutes and seconds 0–59; the fraction is cut to
 * milliseconds).
 */
const readLocal = (
  s: string,
  separator: number,
  seconds: "optional" | "required"
): { readonly ms: number; readonly end: number } | undefined => {
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 2)
  const day = digits(s, 8, 2)
  const hour = digits(s, 11, 2)
  const minute = digits(s, 14, 2)
  if (
    year < 0 || s.charCodeAt(4) !== 45 || month < 1 || month > 12 || s.charCodeAt(7) !== 45 || day < 1 || day > 31 ||
    s.charCodeAt(10) !== separator || hour < 0 || hour > 24 || s.charCodeAt(13) !== 58 || minute < 0 || minute > 59
  ) return undefined
  let end = 16
  let second = 0
  let millis = 0
  let fraction = false
  if (s.charCodeAt(16) === 58) {
    second = digits(s, 17, 2)
    if (second < 0 || second > 59) return undefined
    end = 19
    if (seconds === "optional" && s.charCodeAt(19) === 46) {
      // One to nine digits: the first three are the milliseconds, and any that is not 0 rules out 24:00.
      end = 20
      for (let d = s.charCodeAt(end) - 48; d >= 0 && d <= 9 && end < 29; d = s.charCodeAt(++end) - 48) {
        if (end < 23) millis = millis * 10 + d
        if (d !== 0) fraction = true
      }
      if (end === 20) return undefined
      for (let place = end; place < 23; place++) millis *= 10
    }
  } else if (seconds === "required") return undefined
  if (hour === 24 && (minute !== 0 || second !== 0 || fraction)) return undefined
  return { ms: daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis, end }
}

/** "2024-05-01T20:45:00+02:00", "2024-05-01T18:45Z", "2024-05-01T18:45:00.123Z": date-time with `Z` or ±HH:MM. */
export const parseIsoMillis = (s: string): number | undefined => {
  const local = readLocal(s, 84, "optional")
  if (local === undefined) return undefined
  const { end, ms } = local
  if (s.charCodeAt(end) === 90) return s.length === end + 1 ? ms : undefined
  const sign = s.charCodeAt(end)
  if ((sign !== 43 && sign !== 45) || s.length !== end + 6 || s.charCodeAt(end + 3) !== 58) return undefined
  const hours = digits(s, end + 1, 2)
  const minutes = digits(s, end + 4, 2)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined
  const offset = (hours * 60 + minutes) * 60_000
  return sign === 43 ? ms - offset : ms + offset
}

/** "2024-05-01 18:45:00", read as UTC. */
export const parseSpaceSeparatedMillis = (s: string): number | undefined => {
  const local = readLocal(s, 32, "required")
  return local !== undefined && s.length === local.end ? local.ms : undefined
}

/** Whether a Date can hold the instant (at most 8.64e15 ms either side of the epoch). */
export const isDateMillis = (ms: number): boolean => Math.abs(ms) <= 8.64e15

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** ISO-8601 UTC, as Date.prototype.toISOString writes it (a RangeError where a Date cannot hold the instant). */
export const isoOfMillis = (ms: number): string => {
  const t = Math.trunc(ms)
  const days = Math.floor(t / DAY_MS)
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  // Years outside 0000–9999 (a sign and six digits), and what is no instant at all: left to Date.
  if (!(year >= 0 && year <= 9999)) return new Date(t).toISOString()
  let rest = t - days * DAY_MS
  const hour = Math.floor(rest / 3_600_000)
  rest -= hour * 3_600_000
  const minute = Math.floor(rest / 60_000)
  rest -= minute * 60_000
  const second = Math.floor(rest / 1000)
  const millis = rest - second * 1000
  const y = year < 1000 ? `${year}`.padStart(4, "0") : `${year}`
  const m = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`
  return `${y}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${m}Z`
}
