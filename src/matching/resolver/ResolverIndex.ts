// The fixtures known so far and how a new listing joins one of them. Synchronous and self-contained: the
// FixtureResolver service holds one behind Effect.sync, the `resolve` CLI holds one per batch.
import { type ByValue, byValue } from "../../domain/byValue.ts"
import { byCodeUnits } from "../../domain/order.ts"
import type { Resolution } from "../FixtureResolver.ts"
import { type LeagueName, type Lexicon, nameLeague, nameTeam, type TeamName } from "./names.ts"
import { leagueAgreement, teamSimilarity } from "./similarity.ts"
import { senior, type Tier, tierCode } from "./tier.ts"

export interface ResolverSettings {
  /** Joins on similar names only within this distance of a known fixture's kickoff (ms). */
  readonly kickoffWindow: number
  /** Joins on equal names where one team is the same club for sure (see `sure`): within this distance (ms). */
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

/** Both teams' exact identities: `homeId~awayId`. */
const pairId = (v: Variant) => `${v.home.id}~${v.away.id}`
/** … with the legal forms they were written with. */
const written = (v: Variant) => `${pairId(v)}~${v.home.forms}~${v.away.forms}`

interface Fixture {
  readonly key: string
  readonly kickoff: number
  readonly variants: Array<Variant>
  readonly leagues: Array<LeagueName>
  /** Each bookmaker's names for this fixture (`home\u0000away`). */
  readonly listedBy: Map<string, Set<string>>
  /**
   * Made for a listing no other should join: one refused as ambiguous, or one written exactly like a fixture
   * its bookmaker already lists under other names (where its other listing went wrong). It holds that
   * listing and its bookmaker's later polls only: were it open, it would be one more near-equal candidate
   * for every later listing of those names, and each would split the fixture further.
   */
  readonly isolated: boolean
}

/** A listing being resolved. */
interface Probe {
  readonly bookmaker: string
  /** `home\u0000away` as listed. */
  readonly signature: string
  readonly kickoff: number
  readonly home: TeamName
  readonly away: TeamName
  readonly league: LeagueName | undefined
}

interface Assessed {
  readonly fixture: Fixture
  readonly score: number
  /** Both teams at least as similar as the threshold, and not both `partial`. */
  readonly qualifies: boolean
  /**
   * Both teams similar enough, but each only by words one name lacks ("Cedardale v Greenwood" for "Cedardale
   * City v Greenwood City"): as likely the two towns' other clubs, which often play in the same slot.
   */
  readonly partial: boolean
}

/** How a listing's team compares with a fixture's names for that side. */
interface SideMatch {
  readonly score: number
  /** Some name of the fixture is the same club for sure (see `sure`). */
  readonly sure: boolean
  /** No name of the fixture for that side fits the team word for word: each has words it lacks, or lacks words it has. */
  readonly partial: boolean
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
/** Parsed names kept for repeat polls (per tier for teams); cleared past this size so memory stays bounded. */
const nameCache = { maxEntries: 200_000, maxLength: 1024 }

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
  /** Team names parsed, by the tier code of the listing's league (it adds to what the name itself says). */
  private readonly teamNames = new Map<string, ByValue<TeamName>>()
  private readonly leagueNames: ByValue<LeagueName>

  private readonly lexicon: Lexicon
  private readonly settings: ResolverSettings

  constructor(lexicon: Lexicon, settings: ResolverSettings) {
    this.lexicon = lexicon
    this.settings = settings
    this.leagueNames = byValue((name) => nameLeague(lexicon, name), nameCache)
    this.bucketWidth = Math.max(settings.kickoffWindow, 60_000)
  }

  get size(): number {
    return this.fixtures.size
  }

  resolve(listing: ListingInput): Resolution {
    // A repeat poll first: only listings with a valid kickoff are kept.
    const signature = `${listing.home}\u0000${listing.away}`
    const listingKey = `${listing.bookmaker}\u0000${signature}\u0000${listing.kickoff}`
    const cached = this.listings.get(listingKey)
    if (cached !== undefined) return { key: cached.key }
    const kickoff = Date.parse(listing.kickoff)
    if (Number.isNaN(kickoff)) {
      const home = this.team(listing.home, senior)
      const away = this.team(listing.away, senior)
      return {
        key: `undated:${home.slug}~${away.slug}`,
        unmatched: { reason: `invalid kickoff "${listing.kickoff}"`, candidates: [] }
      }
    }
    const league = listing.league === undefined || listing.league.trim() === "" ? undefined : this.leagueNames.get(listing.league)
    const home = this.team(listing.home, league?.tier ?? senior)
    const away = this.team(listing.away, league?.tier ?? senior)
    const join = (fixture: Fixture): Resolution => {
      this.attach(fixture, listing.bookmaker, signature, { home, away }, league)
      this.listings.set(listingKey, fixture)
      return { key: fixture.key }
    }

    const probe: Probe = { bookmaker: listing.bookmaker, signature, kickoff, home, away, league }
    // Equal names win outright ("Olympique Châtelfort" over "Olympique Châtelfont"). Two fixtures may have
    // them when two clubs of one town differ only by their legal forms ("SC Oostzijl", "Oostzijl FC"): the
    // one listed with the same forms wins; if none or both are, the ranking and its margin decide.
    const identical = (this.identities.get(pairId({ home, away })) ?? []).filter((f) => this.assess(f, probe) !== undefined)
    const sameForms = identical.length > 1 && home.forms.length + away.forms.length > 0
      ? identical.filter((f) => f.variants.some((v) => written(v) === written({ home, away })))
      : identical
    if (sameForms.length === 1) return join(sameForms[0]!)

    const ranked = this.candidates(probe)
    const [best, next] = ranked
    const lead = best === undefined ? 0 : best.score - (next?.score ?? 0)
    if (best !== undefined && best.qualifies && lead >= this.settings.margin) return join(best.fixture)

    // A listing refused for partial names gets an open fixture: later listings written as it is (the real
    // fixture's other bookmakers, when those towns' other clubs came first) join it by equal names.
    const ambiguous = best?.qualifies === true
    const partial = !ambiguous && ranked.some((c) => c.partial)
    const displaced = (this.identities.get(pairId(probe)) ?? []).some((f) =>
      Math.abs(f.kickoff - kickoff) <= this.settings.kickoffWindow && f.listedBy.has(probe.bookmaker) &&
      f.variants.some((v) => written(v) === written(probe))
    )
    const created = join(this.create(kickoff, home, away, ambiguous || displaced))
    const near = ranked.filter((c) => c.qualifies || c.partial || c.score >= nearScore).slice(0, reportedCandidates)
    if (near.length === 0) return created
    return {
      ...created,
      unmatched: {
        reason: ambiguous
          ? `ambiguous: the best fixture leads the next by ${round(lead)} (margin ${this.settings.margin})`
          : partial
          ? "partial names: both teams differ from the fixture's by whole words (maybe other clubs of those towns)"
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
    const code = tierCode(extra)
    let names = this.teamNames.get(code)
    if (names === undefined) this.teamNames.set(code, names = byValue((name) => nameTeam(this.lexicon, name, extra), nameCache))
    return names.get(raw)
  }

  /** Known fixtures the listing may join (see `assess`), best first. */
  private candidates(probe: Probe): Array<Assessed> {
    const { kickoffWindow } = this.settings
    const out: Array<Assessed> = []
    const seen = new Set<Fixture>()
    const consider = (fixture: Fixture) => {
      if (seen.has(fixture)) return
      seen.add(fixture)
      const assessed = this.assess(fixture, probe)
      if (assessed !== undefined) out.push(assessed)
    }
    const last = Math.floor((probe.kickoff + kickoffWindow) / this.bucketWidth)
    for (let bucket = Math.floor((probe.kickoff - kickoffWindow) / this.bucketWidth); bucket <= last; bucket++) {
      for (const fixture of this.buckets.get(bucket) ?? []) consider(fixture)
    }
    for (const fixture of this.identities.get(pairId(probe)) ?? []) consider(fixture)
    return out.sort((x, y) => y.score - x.score || byCodeUnits(x.fixture.key, y.fixture.key))
  }

  /**
   * Whether a listing may join a fixture, and how well it fits: both teams without conflict, within the
   * kickoff window; beyond it, within the identity window, only the bookmaker's own names again or equal
   * names where one team is the same club for sure (a club does not play twice within hours, but names
   * alone do not tell two clubs of one town apart).
   */
  private assess(fixture: Fixture, probe: Probe): Assessed | undefined {
    const { identityWindow, kickoffWindow, threshold } = this.settings
    const distance = Math.abs(fixture.kickoff - probe.kickoff)
    if (distance > Math.max(kickoffWindow, identityWindow)) return undefined
    // A bookmaker lists a fixture once: its own names on a fixture are that fixture again (a moved
    // kickoff), other names of its own there are another fixture.
    const own = fixture.listedBy.get(probe.bookmaker)
    const again = own?.has(probe.signature) === true
    if (!again && (own !== undefined || fixture.isolated)) return undefined
    const h = this.side(fixture, probe.home, (v) => v.home)
    if (h === undefined) return undefined
    const a = this.side(fixture, probe.away, (v) => v.away)
    if (a === undefined) return undefined
    const equalNames = () => fixture.variants.some((v) => pairId(v) === pairId(probe))
    if (distance > kickoffWindow && !again && !((h.sure || a.sure) && equalNames())) return undefined
    const agreement = leagueOf(fixture, probe.league)
    const score = (h.score + a.score) / 2 +
      (agreement === "same" ? leagueBonus : agreement === "different" ? -leaguePenalty : 0) -
      kickoffPenalty * Math.min(1, kickoffWindow === 0 ? 1 : distance / kickoffWindow)
    const similar = h.score >= threshold && a.score >= threshold
    const partial = similar && h.partial && a.partial
    return { fixture, score, qualifies: similar && !partial, partial }
  }

  /** Best similarity of a team to the fixture's names for that side; undefined on any conflict. */
  private side(fixture: Fixture, team: TeamName, pick: (v: Variant) => TeamName): SideMatch | undefined {
    let score = 0
    let certain = false
    let whole = false
    for (const variant of fixture.variants) {
      const name = pick(variant)
      const match = teamSimilarity(team, name)
      if (match.conflict !== undefined) return undefined
      score = Math.max(score, match.score)
      certain ||= sure(team, name)
      whole ||= match.partial === undefined && match.score >= this.settings.threshold
    }
    return { score, sure: certain, partial: !whole }
  }

  private create(kickoff: number, home: TeamName, away: TeamName, isolated: boolean): Fixture {
    const base = `${dayOf(kickoff)}:${home.slug}~${away.slug}`
    let key = base
    for (let n = 2; this.fixtures.has(key); n++) key = `${base}#${n}`
    const fixture: Fixture = { key, kickoff, variants: [], leagues: [], listedBy: new Map(), isolated }
    this.fixtures.set(key, fixture)
    push(this.buckets, Math.floor(kickoff / this.bucketWidth), fixture)
    return fixture
  }

  private attach(fixture: Fixture, bookmaker: string, signature: string, variant: Variant, league: LeagueName | undefined) {
    // Kept apart by their legal forms too: "Fairwood FC" after "Fairwood" tells "Fairwood City" it is not this fixture.
    if (!fixture.variants.some((v) => written(v) === written(variant))) {
      fixture.variants.push(variant)
      push(this.identities, pairId(variant), fixture)
    }
    if (league !== undefined && !fixture.leagues.some((l) => l.id === league.id)) fixture.leagues.push(league)
    const names = fixture.listedBy.get(bookmaker)
    if (names === undefined) fixture.listedBy.set(bookmaker, new Set([signature]))
    else names.add(signature)
  }
}

/**
 * Two names of the same club for sure: the alias table knows both as that club, or they are equal and
 * written with the same legal forms. Equal names without forms are not: "Oostzijl" may be "SC Oostzijl" or
 * "Oostzijl FC", and a bookmaker dropping forms writes both the same way.
 */
const sure = (a: TeamName, b: TeamName): boolean =>
  a.known !== undefined || b.known !== undefined
    ? a.known === b.known
    : a.id === b.id && a.forms.length > 0 && `${a.forms}` === `${b.forms}`

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
