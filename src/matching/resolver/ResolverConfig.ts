// Settings of the fixture resolver, from the environment.
import { Config, Duration, Schema } from "effect"
import type { ResolverSettings } from "./ResolverIndex.ts"

const minute = 60_000
const hour = 60 * minute

export const defaultSettings: ResolverSettings = {
  // Bookmakers round or shift kickoffs by a few minutes; 30 minutes covers that with room, while keeping the
  // slots of a busy afternoon (usually 15 minutes or more apart) from all competing for one listing.
  kickoffWindow: 30 * minute,
  // The same two sides never meet twice within hours, so exact identity can look wider: a feed an hour off
  // (time zone, DST) still lands on the right fixture.
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
