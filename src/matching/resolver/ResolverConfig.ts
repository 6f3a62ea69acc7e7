// Settings of the fixture resolver, from the environment.
import { Config, Duration, Schema } from "effect"
import type { ResolverSettings } from "./ResolverIndex.ts"

const minute = 60_000
const hour = 60 * minute

export const defaultSettings: ResolverSettings = {
  // Bookmakers shift kickoffs by a few minutes. Joins on names alone stay below the quarter hour between
  // kickoff slots less that shift: names do not tell two clubs of one town apart ("Oostzijl" may be
  // "SC Oostzijl" or "Oostzijl FC"), so a wider window would join a listing to the next slot's fixture of
  // the other club whenever its own fixture had not been seen yet.
  kickoffWindow: 8 * minute,
  // A club never plays twice within hours, so equal names where one team is that club for sure (the alias
  // table knows it, or it is written with the same legal form) look wider: a feed an hour off (time zone,
  // DST) still lands on the right fixture.
  identityWindow: 3 * hour,
  threshold: 0.75,
  margin: 0.1,
  // A match plus delays fits well within it; live listings of a fixture keep finding it.
  retention: 12 * hour
}

const UnitInterval = Schema.Finite.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1 })))
const duration = (name: string, ms: number) =>
  Config.Duration(name).pipe(Config.withDefault(Duration.millis(ms)), Config.map(Duration.toMillis))

export const ResolverConfig = Config.all({
  /** Extra alias files (comma-separated paths) merged over data/aliases.json. */
  aliases: Config.Array(Schema.String, "RESOLVER_ALIASES").pipe(Config.withDefault([])),
  settings: Config.all({
    kickoffWindow: duration("RESOLVER_KICKOFF_WINDOW", defaultSettings.kickoffWindow),
    identityWindow: duration("RESOLVER_IDENTITY_WINDOW", defaultSettings.identityWindow),
    threshold: Config.schema(UnitInterval, "RESOLVER_THRESHOLD").pipe(Config.withDefault(defaultSettings.threshold)),
    margin: Config.schema(UnitInterval, "RESOLVER_MARGIN").pipe(Config.withDefault(defaultSettings.margin)),
    retention: duration("RESOLVER_RETENTION", defaultSettings.retention)
  })
})
export type ResolverConfig = Config.Success<typeof ResolverConfig>
