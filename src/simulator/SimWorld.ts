// The seeded world: fixtures over the next five UTC days plus matches in play, and which bookmaker lists
// which fixture under what id, names, kickoff and markets. Pure and deterministic: the same options (seed,
// anchor, sizes) give the same world. Prices are not stored; Quotes.ts derives them from the world and the
// clock on every request.
import { type Bookmaker, bookmakers, type Market } from "../domain/Market.ts"
import { expectedGoals } from "./Probabilities.ts"
import type { MatchScript, Team } from "./LiveClock.ts"
import { type Mispricing, injectMispricings } from "./Mispricings.ts"
import { bookmakerNames } from "./Naming.ts"
import { type Margins, margins } from "./Prices.ts"
import { Rng, unit } from "./Prng.ts"
import { buildTeams, type League, type Side, type Teams } from "./Sides.ts"

export interface WorldOptions {
  readonly seed: string
  /** The world's "now": day 0 is its UTC date, live matches are in play at this instant. */
  readonly anchor: Date
  /** Upcoming fixtures over day offsets 0..4 (spread evenly). */
  readonly fixtures: number
  /** Matches in play at the anchor (kicked off up to 100 minutes before it). */
  readonly live: number
  /** Fixtures that get one injected arbitrage each. */
  readonly mispricings: number
}

export const defaultWorldOptions = { seed: "bookies", fixtures: 300, live: 12, mispricings: 5 } as const

export interface Fixture {
  readonly index: number
  readonly id: string
  readonly league: League
  readonly home: Side
  readonly away: Side
  readonly kickoffMs: number
  /** Expected goals over 90 minutes. */
  readonly expected: { readonly home: number; readonly away: number }
  readonly script: MatchScript
}

export interface Listing {
  readonly bookmaker: Bookmaker
  readonly fixture: Fixture
  readonly eventId: string
  /** This bookmaker's kickoff: the true one plus 0–5 minutes. */
  readonly kickoffMs: number
  readonly markets: ReadonlyArray<Market>
}

type PerBookmaker<A> = { readonly [B in Bookmaker]: A }

export interface World {
  readonly options: WorldOptions
  readonly teams: Teams
  /** Sorted by kickoff; `fixtures[i].index === i`. */
  readonly fixtures: ReadonlyArray<Fixture>
  /** Per bookmaker, indexed by fixture index; undefined when it does not list the fixture. */
  readonly listings: PerBookmaker<ReadonlyArray<Listing | undefined>>
  /** Per bookmaker, its listings by the UTC day number (epoch days) of its own kickoff. */
  readonly byDay: PerBookmaker<ReadonlyMap<number, ReadonlyArray<Listing>>>
  /** Per bookmaker, every side's name, indexed by side id. */
  readonly names: PerBookmaker<ReadonlyArray<string>>
  readonly margins: Margins
  readonly mispricings: ReadonlyArray<Mispricing>
}

export const dayMs = 86_400_000
const minuteMs = 60_000
export const utcDay = (ms: number): number => Math.floor(ms / dayMs)

interface Pairing {
  readonly league: League
  readonly home: Side
  readonly away: Side
  /** A derived side's match mirroring its senior clubs' match (Arsenal Women v Chelsea Women next to Arsenal v Chelsea). */
  readonly twinOf?: Pairing
}

/**
 * One day's possible matches: every league's sides paired at random, each side at most once. Some women's,
 * youth and reserve matches mirror their senior clubs' match, so senior and derived sides of the same
 * clubs play in the same kickoff window (the hard negatives of fixture identity).
 */
const dayPairings = (rng: Rng, leagues: ReadonlyArray<League>): Array<Pairing> => {
  const pairs: Array<Pairing> = []
  const seniorMatch = new Map<string, Pairing>()
  for (const league of leagues.filter((l) => l.kind === "senior")) {
    const sides = rng.shuffle(league.sides)
    for (let i = 0; i + 1 < sides.length; i += 2) {
      const pair = { league, home: sides[i]!, away: sides[i + 1]! }
      pairs.push(pair)
      seniorMatch.set(pair.home.club.key, pair)
    }
  }
  for (const league of leagues.filter((l) => l.kind !== "senior")) {
    const free = new Set(league.sides)
    const byClub = new Map(league.sides.map((s) => [s.club.key, s]))
    for (const side of rng.shuffle(league.sides)) {
      const senior = seniorMatch.get(side.club.key)
      const opponent = senior === undefined ? undefined : byClub.get(senior.away.club.key)
      if (senior === undefined || opponent === undefined || !free.has(side) || !free.has(opponent) || !rng.chance(0.35)) continue
      free.delete(side)
      free.delete(opponent)
      pairs.push({ league, home: side, away: opponent, twinOf: senior })
    }
    const rest = rng.shuffle([...free])
    for (let i = 0; i + 1 < rest.length; i += 2) pairs.push({ league, home: rest[i]!, away: rest[i + 1]! })
  }
  return pairs
}

/** Kickoff slots of a day: quarter hours 11:00–22:00 UTC; today only those at least 10 minutes ahead. */
const daySlots = (day: number, anchorMs: number): Array<number> => {
  const slots: Array<number> = []
  for (let m = 11 * 60; m <= 22 * 60; m += 15) {
    const t = day * dayMs + m * minuteMs
    if (t >= anchorMs + 10 * minuteMs) slots.push(t)
  }
  if (slots.length > 0 || day !== utcDay(anchorMs)) return slots
  // Late in the day: five-minute slots up to 23:30.
  for (let t = Math.ceil((anchorMs + 10 * minuteMs) / (5 * minuteMs)) * 5 * minuteMs; t <= day * dayMs + (23 * 60 + 30) * minuteMs; t += 5 * minuteMs) slots.push(t)
  return slots
}

const matchScript = (seed: string, key: string, kickoffMs: number, expected: Fixture["expected"]): MatchScript => {
  const rng = new Rng(seed, "match", key)
  const goals = (["home", "away"] as const).flatMap((team: Team) =>
    Array.from({ length: rng.poisson(expected[team]) }, () => ({ minute: rng.int(1, 90), team })))
  return {
    kickoffMs,
    firstHalfStoppage: rng.int(1, 4),
    secondHalfStoppage: rng.int(2, 6),
    goals: goals.sort((a, b) => a.minute - b.minute)
  }
}

/** Upcoming fixtures per day offset 0..4; today's go to tomorrow when no kickoff slot is left today. */
const perDay = (total: number, anchorMs: number): Array<number> => {
  const counts = Array.from({ length: 5 }, (_, d) => Math.floor(total / 5) + (d < total % 5 ? 1 : 0))
  if (daySlots(utcDay(anchorMs), anchorMs).length === 0) {
    counts[1]! += counts[0]!
    counts[0] = 0
  }
  return counts
}

interface Planned {
  readonly pairing: Pairing
  readonly kickoffMs: number
}

const planFixtures = (options: WorldOptions, teams: Teams): Array<Planned> => {
  const anchorMs = options.anchor.getTime()
  const today = utcDay(anchorMs)
  const counts = perDay(options.fixtures, anchorMs)
  const planned: Array<Planned> = []
  counts.forEach((count, offset) => {
    const rng = new Rng(options.seed, "day", offset)
    const inPlay = offset === 0 ? options.live : 0
    const chosen = rng.shuffle(dayPairings(rng, teams.leagues)).slice(0, count + inPlay)
    const slots = daySlots(today + offset, anchorMs)
    const kickoffs = new Map<Pairing, number>()
    chosen.forEach((pairing, i) => {
      const kickoffMs = i < inPlay
        ? anchorMs - rng.int(1, 100) * minuteMs
        : pairing.twinOf !== undefined && kickoffs.has(pairing.twinOf) && kickoffs.get(pairing.twinOf)! > anchorMs
        ? kickoffs.get(pairing.twinOf)! + rng.pick([0, 0, 15, 30]) * minuteMs
        : rng.pick(slots)
      kickoffs.set(pairing, kickoffMs)
      planned.push({ pairing, kickoffMs })
    })
  })
  return planned
}

const eventIdBase: PerBookmaker<number> = { BookieAlpha: 40_000_000, BookieBeta: 7_100_000, BookieGamma: 900_000_000, BookieDelta: 3_000_000 }
const marketOmission: { readonly [M in Market]: number } = { three_way: 0.01, btts: 0.12, double_chance: 0.07 }

const listFixtures = (seed: string, bookmaker: Bookmaker, fixtures: ReadonlyArray<Fixture>): Array<Listing | undefined> => {
  const omitRate = 0.05 + 0.1 * unit(seed, bookmaker, "omit")
  const ids = new Rng(seed, bookmaker, "event-ids").shuffle(fixtures.map((f) => f.index))
  return fixtures.map((fixture) => {
    if (unit(seed, bookmaker, fixture.id, "listed") < omitRate) return undefined
    const offered = (["three_way", "btts", "double_chance"] as const).filter((m) => unit(seed, bookmaker, fixture.id, m, "offered") >= marketOmission[m])
    const shift = unit(seed, bookmaker, fixture.id, "kickoff")
    return {
      bookmaker,
      fixture,
      eventId: String(eventIdBase[bookmaker] + ids[fixture.index]!),
      kickoffMs: fixture.kickoffMs + (shift < 0.6 ? 0 : 1 + Math.floor(((shift - 0.6) / 0.4) * 5)) * minuteMs,
      markets: offered.length > 0 ? offered : ["three_way"]
    }
  })
}

const groupByDay = (listings: ReadonlyArray<Listing | undefined>): Map<number, Array<Listing>> => {
  const days = new Map<number, Array<Listing>>()
  for (const listing of listings) {
    if (listing === undefined) continue
    const day = utcDay(listing.kickoffMs)
    const list = days.get(day) ?? []
    list.push(listing)
    days.set(day, list)
  }
  for (const list of days.values()) list.sort((a, b) => a.kickoffMs - b.kickoffMs || a.fixture.index - b.fixture.index)
  return days
}

const perBookmaker = <A>(f: (b: Bookmaker) => A): PerBookmaker<A> =>
  Object.fromEntries(bookmakers.map((b) => [b, f(b)])) as unknown as PerBookmaker<A>

export const generateWorld = (options: WorldOptions): World => {
  const anchorMs = options.anchor.getTime()
  const counts = perDay(options.fixtures, anchorMs)
  const teams = buildTeams(options.seed, Math.max(counts[0]! + options.live, ...counts))
  const fixtures = planFixtures(options, teams)
    .sort((a, b) => a.kickoffMs - b.kickoffMs || a.pairing.home.id - b.pairing.home.id)
    .map(({ pairing, kickoffMs }, index): Fixture => {
      const id = `fx-${String(index + 1).padStart(5, "0")}`
      const expected = expectedGoals(pairing.home.rating, pairing.away.rating)
      return { index, id, league: pairing.league, home: pairing.home, away: pairing.away, kickoffMs, expected, script: matchScript(options.seed, id, kickoffMs, expected) }
    })
  const listings = perBookmaker((b) => listFixtures(options.seed, b, fixtures))
  const base: World = {
    options,
    teams,
    fixtures,
    listings,
    byDay: perBookmaker((b) => groupByDay(listings[b])),
    names: perBookmaker((b) => bookmakerNames(options.seed, b, teams.sides)),
    margins: margins(options.seed),
    mispricings: []
  }
  return { ...base, mispricings: injectMispricings(base, options.mispricings) }
}
