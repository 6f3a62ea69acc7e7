// Settings whose right value depends on the data source: in-play prices move every minute, pre-match prices
// hardly at all and are polled every few minutes, so a limit that suits one is wrong for the other.
import { Config, Option } from "effect"
import type { DataSource } from "../domain/Market.ts"

export type PerSource<A> = { readonly [S in DataSource]: A }

/** `XTR_FRESHNESS` → `XTR_FRESHNESS_LIVE` / `XTR_FRESHNESS_UPCOMING`. */
export const sourceVariable = (name: string, source: DataSource): string => `${name}_${source.toUpperCase()}`

/**
 * One value per source: `<NAME>_<SOURCE>` when set, else `<NAME>` (one value for both), else the source's
 * default. An invalid value of either variable fails, naming it; only an unset one falls through.
 */
export const perSource = <A>(
  name: string,
  read: (variable: string) => Config.Config<A>,
  defaults: PerSource<A>
): Config.Config<PerSource<A>> => {
  const one = (source: DataSource) =>
    Config.all([Config.option(read(sourceVariable(name, source))), Config.option(read(name))]).pipe(
      Config.map(([own, common]) => Option.getOrElse(Option.orElse(own, () => common), () => defaults[source]))
    )
  return Config.all({ live: one("live"), upcoming: one("upcoming") })
}
