// Every Redis key and stream name the project uses, in one place (documented in the README).
import type { DataSource, Market } from "../domain/Market.ts"

/** Job stream fed by the scheduler, e.g. `XTR-BTTS_live_stream`. */
export const jobStream = (market: Market, source: DataSource) => `XTR-${market.toUpperCase()}_${source}_stream`

/** Where a job that can never succeed (or ran out of deliveries) goes, with its reason. */
export const deadLetterStream = (stream: string) => `${stream}:dead`

/** The seed's matched stream: `{data_source}_{extractor_type}-matched_stream`. */
export const matchedStream = (source: DataSource, market: Market) => `${source}_${market}-matched_stream`

/** One hash per (source, market, fixture): a field per bookmaker's quote, plus `fixture` and `bookie_updated`. */
export const entryKey = (source: DataSource, market: Market, fixtureKey: string) => `entry:${source}:${market}:${fixtureKey}`

export const opportunitiesStream = "opportunities"
export const activeOpportunities = "opportunities:active"

/** Details of one opportunity (its record, last published event and signature); kept a while after it is gone. */
export const opportunityKey = (id: string) => `opportunity:${id}`
