// Metrics of the extractors. Skipped events are counted per bookmaker and market: a steady rise means a
// bookmaker changed its feed under us.
import { Metric } from "effect"
import type { Bookmaker, Market } from "../domain/Market.ts"

export const eventsSkipped = Metric.counter("bookie_events_skipped_total", {
  description: "Events (or listing items) in a bookmaker payload skipped because they did not decode",
  incremental: true
})

export const eventsSkippedFor = (bookmaker: Bookmaker, market: Market) =>
  Metric.withAttributes(eventsSkipped, { bookmaker, market })
