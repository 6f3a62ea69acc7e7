// The world's teams: every side (senior, women's, U21/U23, B/II/reserve) of every catalogue club, grouped
// in leagues, with a strength rating; plus lower-division leagues of made-up clubs when a size needs more
// sides than the catalogue holds (a side plays at most once a day).
import { catalogue, type ClubSpec, type CountrySpec, type SideKind, syntheticParts } from "./Catalogue.ts"
import { Rng } from "./Prng.ts"

export interface Club {
  readonly key: string // "Spain/Real Madrid": unique in the world
  readonly country: string
  readonly spec: ClubSpec
  readonly markers: CountrySpec["markers"]
}

export interface Side {
  readonly id: number // index into Teams.sides
  readonly club: Club
  readonly kind: SideKind
  readonly name: string // canonical
  /** Log-scale strength: expected goals scale with exp(rating difference). */
  readonly rating: number
}

export interface League {
  readonly name: string
  readonly country: string
  readonly kind: SideKind
  readonly sides: ReadonlyArray<Side>
}

export interface Teams {
  readonly sides: ReadonlyArray<Side>
  readonly leagues: ReadonlyArray<League>
}

const canonicalName = (club: Club, kind: SideKind): string => {
  const { spec, markers } = club
  switch (kind) {
    case "senior":
      return spec.name
    case "women":
      return spec.womenOnly ? spec.name : spec.women ?? `${spec.name} ${markers.women}`
    case "u21":
      return `${spec.name} U21`
    case "u23":
      return `${spec.name} U23`
    case "reserve":
      return spec.reserve ?? (markers.reservePrefix ? `${markers.reserve} ${spec.name}` : `${spec.name} ${markers.reserve}`)
  }
}

/** Strongest first: rating falls linearly with the position in the league list, plus a little noise. */
const rate = (rng: Rng, position: number, size: number): number =>
  0.45 - (0.9 * position) / Math.max(1, size - 1) + 0.08 * rng.normal()

const countryClubs = (country: CountrySpec): ReadonlyMap<string, Club> =>
  new Map(country.clubs.map((spec) => [spec.name, { key: `${country.country}/${spec.name}`, country: country.country, spec, markers: country.markers }]))

const leagueSides = (rng: Rng, sides: Array<Side>, members: ReadonlyArray<readonly [Club, SideKind]>): Array<Side> =>
  members.map(([club, kind], position) => {
    const side: Side = { id: sides.length, club, kind, name: canonicalName(club, kind), rating: rate(rng, position, members.length) }
    sides.push(side)
    return side
  })

const catalogueLeagues = (rng: Rng, sides: Array<Side>): Array<League> =>
  catalogue.flatMap((country) => {
    const clubs = countryClubs(country)
    const find = (name: string): Club => {
      const club = clubs.get(name)
      if (club === undefined) throw new Error(`catalogue: ${country.country} league lists unknown club "${name}"`)
      return club
    }
    return country.leagues.map((league): League => {
      const members: Array<readonly [Club, SideKind]> = [
        ...league.clubs.map((name) => {
          const club = find(name)
          return [club, club.spec.womenOnly ? "women" : league.kind] as const
        }),
        ...(league.seniors ?? []).map((name) => [find(name), "senior"] as const)
      ]
      return { name: league.name, country: country.country, kind: league.kind, sides: leagueSides(rng, sides, members) }
    })
  })

/** Made-up club names per country: town = stem + ending, then a club pattern; few clubs per town at first. */
function* syntheticNames(rng: Rng, country: string, taken: Set<string>): Generator<string> {
  const parts = syntheticParts[country]!
  const towns = rng.shuffle(parts.stems.flatMap((stem) => parts.ends.map((end) => stem + end)))
  for (const perTown of [2, parts.patterns.length]) {
    for (const town of towns) {
      const patterns = rng.shuffle(parts.patterns).slice(0, perTown)
      for (const pattern of patterns) {
        const name = pattern.replace("{}", town)
        if (!taken.has(name)) {
          taken.add(name)
          yield name
        }
      }
    }
  }
}

const leagueSize = 20

/** Fixtures a day can hold: every side at most once. */
export const dayCapacity = (leagues: ReadonlyArray<League>): number =>
  leagues.reduce((n, league) => n + Math.floor(league.sides.length / 2), 0)

/** The catalogue's leagues, then lower divisions of made-up clubs until a day can hold `fixturesPerDay`. */
export const buildTeams = (seed: string, fixturesPerDay: number): Teams => {
  const rng = new Rng(seed, "teams")
  const sides: Array<Side> = []
  const leagues = catalogueLeagues(rng, sides)
  const taken = new Set(sides.map((s) => s.name))
  const generators = catalogue.map((country) => ({ country, names: syntheticNames(new Rng(seed, "synthetic", country.country), country.country, taken) }))
  let division = 0
  while (dayCapacity(leagues) < fixturesPerDay) {
    division++
    let added = false
    for (const { country, names } of generators) {
      if (dayCapacity(leagues) >= fixturesPerDay) break
      const members: Array<readonly [Club, SideKind]> = []
      // Pull by hand: leaving a for-of early would close the generator for the next division.
      for (let next = names.next(); !next.done; next = names.next()) {
        const name = next.value
        members.push([{ key: `${country.country}/${name}`, country: country.country, spec: { name }, markers: country.markers }, "senior"])
        if (members.length === leagueSize) break
      }
      if (members.length < 2) continue
      added = true
      leagues.push({ name: `Regional League ${division}`, country: country.country, kind: "senior", sides: leagueSides(rng, sides, members) })
    }
    if (!added) throw new Error(`simulator: cannot hold ${fixturesPerDay} fixtures a day (at most ${dayCapacity(leagues)})`)
  }
  return { sides, leagues }
}
