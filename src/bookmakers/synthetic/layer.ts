// The synthetic extractor registry: a capacity-planning mode (`XTR_EXTRACTORS=synthetic`) in which every
// bookmaker answers every market instantly from `book.ts`, without I/O, so a benchmark measures the
// worker and Redis rather than the bookmakers. `SYNTH_FIXTURES` sets the fixtures quoted per job.
import { Clock, Config, Effect, Layer, Schema } from "effect"
import { bookmakers, markets } from "../../domain/Market.ts"
import type { Extractor } from "../Extractor.ts"
import { type ExtractorMap, Extractors } from "../Extractors.ts"
import { syntheticQuotes } from "./book.ts"

export const SyntheticConfig = Config.schema(
  Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))),
  "SYNTH_FIXTURES"
).pipe(Config.withDefault(5))

export const syntheticMap = (fixturesPerJob: number): ExtractorMap =>
  Object.fromEntries(bookmakers.map((bookmaker) => {
    const extractor: Extractor = {
      extract: (job) =>
        Effect.map(Clock.currentTimeMillis, (now) =>
          syntheticQuotes(
            { bookmaker, market: job.extractor_type, source: job.data_source, streamDate: job.stream_date.trim() },
            fixturesPerJob,
            new Date(now).toISOString()
          ))
    }
    return [bookmaker, Object.fromEntries(markets.map((m) => [m, extractor]))]
  }))

/** `Extractors` answering from the synthetic book; reads `SYNTH_FIXTURES` (default 5). */
export const layerSynthetic = Layer.unwrap(Effect.map(SyntheticConfig, (s) => Extractors.fromMap(syntheticMap(s))))
