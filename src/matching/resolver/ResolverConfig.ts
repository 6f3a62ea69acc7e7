// Settings of the fixture resolver, from the environment.
import { Config, Duration, Schema } from "effect"
import type { ResolverSettings } from "./ResolverIndex.ts"

const UnitInterval = Schema.Finite.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1 })))

export const ResolverConfig = Config.all({
  /** Extra alias files (comma-separated paths) merged over data/aliases.json. */
  aliases: Config.Array(Schema.String, "RESOLVER_ALIASES").pipe(Config.withDefault([])),
  /**
   * Fuzzy joins look this far either side of a known kickoff. Bookmakers round or shift kickoffs by a few
   * minutes; 30 minutes covers that with room, while keeping the slots of a busy afternoon (usually 15 min
   * or more apart) from all competing for one listing.
   */
  kickoffWindow: Config.Duration("RESOLVER_KICKOFF_WINDOW").pipe(Config.withDefault(Duration.minutes(30))),
  /**
   * Exact identity (both teams' canonical names equal) looks wider: the same two sides never meet twice
   * within hours, and a feed an hour off (time zone, DST) still lands on the right fixture.
   */
  identityWindow: Config.Duration("RESOLVER_IDENTITY_WINDOW").pipe(Config.withDefault(Duration.hours(3))),
  threshold: Config.schema(UnitInterval, "RESOLVER_THRESHOLD").pipe(Config.withDefault(0.75)),
  margin: Config.schema(UnitInterval, "RESOLVER_MARGIN").pipe(Config.withDefault(0.1)),
  /** Fixtures that kicked off longer ago than this are forgotten (a match plus delays fits well within it). */
  retention: Config.Duration("RESOLVER_RETENTION").pipe(Config.withDefault(Duration.hours(12)))
})
export type ResolverConfig = Config.Success<typeof ResolverConfig>

export const settingsOf = (config: ResolverConfig): ResolverSettings => ({
  kickoffWindow: Duration.toMillis(config.kickoffWindow),
  identityWindow: Duration.toMillis(config.identityWindow),
  threshold: config.threshold,
  margin: config.margin,
  retention: Duration.toMillis(config.retention)
})
