// The simulator's ground truth, for scoring fixture matching and mispricing detection: which listings of
// which bookmakers are the same fixture, the names each bookmaker used, each bookmaker's margins, and the
// injected mispricings. A pure function of the world; the server serves it on GET /truth.
import { Schema } from "effect"
import { Bookmaker, bookmakers, Market } from "../domain/Market.ts"
import { Mispricing } from "./Mispricings.ts"
import { leagueName } from "./Naming.ts"
import type { World } from "./SimWorld.ts"

export const SideKind = Schema.Literals(["senior", "women", "u21", "u23", "reserve"])

export const TruthListing = Schema.Struct({
  bookmaker: Bookmaker,
  eventId: Schema.String,
  home: Schema.String,
  away: Schema.String,
  kickoff: Schema.String,
  league: Schema.String, // as this bookmaker spells it
  markets: Schema.Array(Market)
})

export const TruthFixture = Schema.Struct({
  fixtureId: Schema.String,
  league: Schema.String,
  country: Schema.String,
  kind: SideKind,
  /** Canonical names and the true kickoff (ISO-8601 UTC). */
  home: Schema.String,
  away: Schema.String,
  kickoff: Schema.String,
  listings: Schema.Array(TruthListing)
})
export type TruthFixture = typeof TruthFixture.Type

export const GroundTruth = Schema.Struct({
  seed: Schema.String,
  anchor: Schema.String,
  margins: Schema.Record(Bookmaker, Schema.Record(Market, Schema.Number)),
  fixtures: Schema.Array(TruthFixture),
  mispricings: Schema.Array(Mispricing)
})
export type GroundTruth = typeof GroundTruth.Type

export const groundTruth = (world: World): GroundTruth => ({
  seed: world.options.seed,
  anchor: world.options.anchor.toISOString(),
  margins: world.margins,
  fixtures: world.fixtures.map((f) => ({
    fixtureId: f.id,
    league: f.league.name,
    country: f.league.country,
    kind: f.league.kind,
    home: f.home.name,
    away: f.away.name,
    kickoff: new Date(f.kickoffMs).toISOString(),
    listings: bookmakers.flatMap((b) => {
      const l = world.listings[b][f.index]
      return l === undefined ? [] : [{
        bookmaker: b, eventId: l.eventId, home: world.names[b][f.home.id]!, away: world.names[b][f.away.id]!,
        kickoff: new Date(l.kickoffMs).toISOString(), league: leagueName(b, f.league.name), markets: l.markets
      }]
    })
  })),
  mispricings: world.mispricings
})
