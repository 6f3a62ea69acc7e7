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
 * The UTC milliseconds of "YYYY-MM-DD" + `separator` + "HH:MM" at the start of `s`, then:
 * - `kind` "iso": optional ":SS" and fraction, then `Z` or ±HH:MM (hours 0–23, minutes 0–59) ending `s`;
 * - `kind` "space": ":SS" ending `s`, read as UTC.
 * Undefined for what Date.parse refuses: month 1–12, day 1–31 (a day past the month's end rolls over),
 * hour 0–24 with 24 only at 24:00 and a fraction of zeros, minutes and seconds 0–59; the fraction is cut
 * to milliseconds.
 */
const readInstant = (s: string, separator: number, kind: "iso" | "space"): number | undefined => {
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
    if (kind === "iso" && s.charCodeAt(19) === 46) {
      // One to nine digits: the first three are the milliseconds, and any that is not 0 rules out 24:00.
      end = 20
      for (let d = s.charCodeAt(end) - 48; d >= 0 && d <= 9 && end < 29; d = s.charCodeAt(++end) - 48) {
        if (end < 23) millis = millis * 10 + d
        if (d !== 0) fraction = true
      }
      if (end === 20) return undefined
      for (let place = end; place < 23; place++) millis *= 10
    }
  } else if (kind === "space") return undefined
  if (hour === 24 && (minute !== 0 || second !== 0 || fraction)) return undefined
  const local = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis
  if (kind === "space") return s.length === end ? local : undefined
  if (s.charCodeAt(end) === 90) return s.length === end + 1 ? local : undefined
  const sign = s.charCodeAt(end)
  if ((sign !== 43 && sign !== 45) || s.length !== end + 6 || s.charCodeAt(end + 3) !== 58) return undefined
  const hours = digits(s, end + 1, 2)
  const minutes = digits(s, end + 4, 2)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined
  const offset = (hours * 60 + minutes) * 60_000
  return sign === 43 ? local - offset : local + offset
}

/** "2024-05-01T20:45:00+02:00", "2024-05-01T18:45Z", "2024-05-01T18:45:00.123Z": date-time with `Z` or ±HH:MM. */
export const parseIsoMillis = (s: string): number | undefined => readInstant(s, 84, "iso")

/** "2024-05-01 18:45:00", read as UTC. */
export const parseSpaceSeparatedMillis = (s: string): number | undefined => readInstant(s, 32, "space")

/** Whether a Date can hold the instant (at most 8.64e15 ms either side of the epoch). */
export const isDateMillis = (ms: number): boolean => Math.abs(ms) <= 8.64e15

/** The ASCII code of the digit at `place` (1, 10, 100 …) of `n`. */
const digit = (n: number, place: number): number => 48 + (Math.floor(n / place) % 10)

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
  const time = t - days * DAY_MS
  const hour = Math.floor(time / 3_600_000)
  const minute = Math.floor(time / 60_000) % 60
  const second = Math.floor(time / 1000) % 60
  const millis = time % 1000
  // One flat string from its character codes: a template literal would build a rope of many pieces that
  // every later use (hashing, comparing) flattens again.
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), 45,
    digit(month, 10), digit(month, 1), 45, digit(day, 10), digit(day, 1), 84,
    digit(hour, 10), digit(hour, 1), 58, digit(minute, 10), digit(minute, 1), 58, digit(second, 10), digit(second, 1), 46,
    digit(millis, 100), digit(millis, 10), digit(millis, 1), 90
  )
}
