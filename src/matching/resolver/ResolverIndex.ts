// The fixtures known so far and how a new listing joins one of them. Synchronous and self-contained: the
// FixtureResolver service holds one behind Effect.sync, the `resolve` CLI holds one per batch.
import type { Resolution } from "../FixtureResolver.ts"
import { type LeagueName, type Lexicon, nameLeague, nameTeam, type TeamName } from "./names.ts"
import { leagueAgreement, teamSimilarity } from "./similarity.ts"
import { senior, type Tier, tierCode } from "./tier.ts"

export interface ResolverSettings {
  /** Fuzzy joins only within this distance of a known fixture's kickoff (ms). */
  readonly kickoffWindow: number
  /** Exact identity joins (both teams' canonical names equal) within this distance (ms). */
  readonly identityWindow: number
  /** Each team must be at least this similar (0 … 1) for a fuzzy join. */
  readonly threshold: number
  /** … and the best fixture must beat the next candidate by this much. */
  readonly margin: number
  /** Fixtures whose kickoff is older than this (ms) are dropped by `evict`. */
  readonly retention: number
}

export interface ListingInput {
  readonly bookmaker: string
  readonly home: string
  readonly away: string
  readonly kickoff: string // ISO-8601
  readonly league?: string | undefined
}

interface Variant {
  readonly home: TeamName
  readonly away: TeamName
}

interface Fixture {
  readonly key: string
  readonly kickoff: number
  readonly variants: Array<Variant>
  readonly leagues: Array<LeagueName>
  /** Each bookmaker's names for this fixture (`home\u0000away`). */
  readonly listedBy: Map<string, Set<string>>
}

export interface Candidate {
  readonly key: string
  readonly score: number
}

/** Near candidates reported with an unmatched listing: at most this many, at least this score. */
const reportedCandidates = 3
const nearScore = 0.5
/**
 * Fixture score adjustments: a competition both name alike, one they name differently (together more than
 * the default margin, so the competition alone can settle a tie), a kickoff a whole window apart.
 */
const leagueBonus = 0.02
const leaguePenalty = 0.1
const kickoffPenalty = 0.05
/** Parsed names kept for repeat polls; cleared past this size so memory stays bounded. */
const nameCacheLimit = 200_000

const round = (score: number) => Math.round(score * 1000) / 1000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export class ResolverIndex {
  private readonly fixtures = new Map<string, Fixture>()
  /** Kickoff bucket (`bucketWidth` wide) → fixtures. */
  private readonly buckets = new Map<number, Array<Fixture>>()
  private readonly bucketWidth: number
  /** `homeId~awayId` of every variant → fixtures. */
  private readonly identities = new Map<string, Array<Fixture>>()
  /** `bookmaker\u0000home\u0000away\u0000kickoff` as listed → fixture: a repeat poll needs no parsing at all. */
  private readonly listings = new Map<string, Fixture>()
  private readonly names = new Map<string, TeamName>()
  private readonly leagueNames = new Map<string, LeagueName>()

  private readonly lexicon: Lexicon
  private readonly settings: ResolverSettings

  constructor(lexicon: Lexicon, settings: ResolverSettings) {
    this.lexicon = lexicon
    this.settings = settings
    this.bucketWidth = Math.max(settings.kickoffWindow, 60_000)
  }

  get size(): number {
    return this.fixtures.size
  }

  resolve(listing: ListingInput): Resolution {
    const kickoff = Date.parse(listing.kickoff)
    if (Number.isNaN(kickoff)) {
      const home = this.team(listing.home, senior)
      const away = this.team(listing.away, senior)
      return {
        key: `undated:${home.slug}~${away.slug}`,
        unmatched: { reason: `invalid kickoff "${listing.kickoff}"`, candidates: [] }
      }
    }
    const signature = `${listing.home}\u0000${listing.away}`
    const listingKey = `${listing.bookmaker}\u0000${signature}\u0000${listing.kickoff}`
    const cached = this.listings.get(listingKey)
    if (cached !== undefined) return { key: cached.key }
    // A bookmaker lists a fixture once: one it already lists under other names is another fixture.
    const open = (f: Fixture) => f.listedBy.get(listing.bookmaker)?.has(signature) ?? true
    const join = (fixture: Fixture): Resolution => {
      this.attach(fixture, listing.bookmaker, signature, { home, away }, league)
      this.listings.set(listingKey, fixture)
      return { key: fixture.key }
    }

    const league = listing.league === undefined || listing.league.trim() === "" ? undefined : this.league(listing.league)
    const home = this.team(listing.home, league?.tier ?? senior)
    const away = this.team(listing.away, league?.tier ?? senior)
    // Exact identity over the wider window. Two fixtures may fit it when two clubs of one town differ only
    // by their legal forms ("SC Oostzijl", "Oostzijl FC"): the one listed with the same forms wins; if none
    // or both are, the fuzzy ranking and its margin decide.
    const identical = (this.identities.get(`${home.id}~${away.id}`) ?? []).filter((f) =>
      Math.abs(f.kickoff - kickoff) <= this.settings.identityWindow && open(f) &&
      this.side(f, home, (v) => v.home) !== undefined && this.side(f, away, (v) => v.away) !== undefined
    )
    const sameForms = identical.length > 1 && home.forms.length + away.forms.length > 0
      ? identical.filter((f) => f.variants.some((v) => `${v.home.forms}~${v.away.forms}` === `${home.forms}~${away.forms}`))
      : identical
    if (sameForms.length === 1) return join(sameForms[0]!)

    const ranked = this.candidates(kickoff, open, home, away, league)
    const [best, next] = ranked
    const lead = best === undefined ? 0 : best.score - (next?.score ?? 0)
    if (best !== undefined && best.qualifies && lead >= this.settings.margin) return join(best.fixture)

    const created = join(this.create(kickoff, home, away))
    const near = ranked.filter((c) => c.qualifies || c.score >= nearScore).slice(0, reportedCandidates)
    if (near.length === 0) return created
    return {
      ...created,
      unmatched: {
        reason: best?.qualifies === true
          ? `ambiguous: the best fixture leads the next by ${round(lead)} (margin ${this.settings.margin})`
          : "no fixture similar enough",
        candidates: near.map((c): Candidate => ({ key: c.fixture.key, score: round(c.score) }))
      }
    }
  }

  /** Drops fixtures that kicked off more than `retention` before `now`; returns how many. */
  evict(now: number): number {
    const cutoff = now - this.settings.retention
    let dropped = 0
    for (const [key, fixture] of this.fixtures) {
      if (fixture.kickoff >= cutoff) continue
      this.fixtures.delete(key)
      dropped++
    }
    if (dropped === 0) return 0
    const live = (f: Fixture) => this.fixtures.get(f.key) === f
    prune(this.buckets, live)
    prune(this.identities, live)
    for (const [k, f] of this.listings) if (!live(f)) this.listings.delete(k)
    return dropped
  }

  private team(raw: string, extra: Tier): TeamName {
    const cacheKey = `${tierCode(extra)}\u0000${raw}`
    const cached = this.names.get(cacheKey)
    if (cached !== undefined) return cached
    if (this.names.size >= nameCacheLimit) this.names.clear()
    const name = nameTeam(this.lexicon, raw, extra)
    this.names.set(cacheKey, name)
    return name
  }

  private league(raw: string): LeagueName {
    const cached = this.leagueNames.get(raw)
    if (cached !== undefined) return cached
    if (this.leagueNames.size >= nameCacheLimit) this.leagueNames.clear()
    const name = nameLeague(this.lexicon, raw)
    this.leagueNames.set(raw, name)
    return name
  }

  /** Known fixtures in the kickoff window, best first, each scored against the listing. */
  private candidates(
    kickoff: number,
    open: (f: Fixture) => boolean,
    home: TeamName,
    away: TeamName,
    league: LeagueName | undefined
  ) {
    const { kickoffWindow: window, threshold } = this.settings
    const out: Array<{ fixture: Fixture; score: number; qualifies: boolean }> = []
    const last = Math.floor((kickoff + window) / this.bucketWidth)
    for (let bucket = Math.floor((kickoff - window) / this.bucketWidth); bucket <= last; bucket++) {
      for (const fixture of this.buckets.get(bucket) ?? []) {
        const distance = Math.abs(fixture.kickoff - kickoff)
        if (distance > window || !open(fixture)) continue
        const h = this.side(fixture, home, (v) => v.home)
        if (h === undefined) continue
        const a = this.side(fixture, away, (v) => v.away)
        if (a === undefined) continue
        const agreement = leagueOf(fixture, league)
        const score = (h + a) / 2 +
          (agreement === "same" ? leagueBonus : agreement === "different" ? -leaguePenalty : 0) -
          (window === 0 ? 0 : kickoffPenalty * (distance / window))
        out.push({ fixture, score, qualifies: h >= threshold && a >= threshold })
      }
    }
    return out.sort((x, y) => y.score - x.score || (x.fixture.key < y.fixture.key ? -1 : 1))
  }

  /** Best similarity of a team to the fixture's names for that side; undefined on any conflict. */
  private side(fixture: Fixture, team: TeamName, pick: (v: Variant) => TeamName): number | undefined {
    let best = 0
    for (const variant of fixture.variants) {
      const match = teamSimilarity(team, pick(variant))
      if (match.conflict !== undefined) return undefined
      best = Math.max(best, match.score)
    }
    return best
  }

  private create(kickoff: number, home: TeamName, away: TeamName): Fixture {
    const base = `${dayOf(kickoff)}:${home.slug}~${away.slug}`
    let key = base
    for (let n = 2; this.fixtures.has(key); n++) key = `${base}#${n}`
    const fixture: Fixture = { key, kickoff, variants: [], leagues: [], listedBy: new Map() }
    this.fixtures.set(key, fixture)
    push(this.buckets, Math.floor(kickoff / this.bucketWidth), fixture)
    return fixture
  }

  private attach(fixture: Fixture, bookmaker: string, signature: string, variant: Variant, league: LeagueName | undefined) {
    const identity = `${variant.home.id}~${variant.away.id}`
    if (!fixture.variants.some((v) => `${v.home.id}~${v.away.id}` === identity)) {
      fixture.variants.push(variant)
      push(this.identities, identity, fixture)
    }
    if (league !== undefined && !fixture.leagues.some((l) => l.id === league.id)) fixture.leagues.push(league)
    const names = fixture.listedBy.get(bookmaker)
    if (names === undefined) fixture.listedBy.set(bookmaker, new Set([signature]))
    else names.add(signature)
  }
}

/** "same" when any of the fixture's competition names agrees with the listing's, "unknown" without names. */
const leagueOf = (fixture: Fixture, league: LeagueName | undefined): "same" | "different" | "unknown" => {
  const verdicts = fixture.leagues.map((l) => leagueAgreement(league, l))
  return verdicts.includes("same") ? "same" : verdicts.includes("different") ? "different" : "unknown"
}

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V) => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}

const prune = <K, V>(map: Map<K, Array<V>>, keep: (v: V) => boolean) => {
  for (const [key, list] of map) {
    const kept = list.filter(keep)
    if (kept.length === 0) map.delete(key)
    else map.set(key, kept)
  }
}
