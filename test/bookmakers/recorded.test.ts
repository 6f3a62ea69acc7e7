// Decoding and normalisation on payloads recorded from the simulator's seeded world (fixtures/*.json,
// made by fixtures/record.ts): every bookmaker × market × period gives exactly the quotes the world says,
// with nothing skipped.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Metric } from "effect"
import { HttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import { readFileSync } from "node:fs"
import { Extractors } from "../../src/bookmakers/Extractors.ts"
import { eventsSkippedFor } from "../../src/bookmakers/metrics.ts"
import { Job } from "../../src/domain/Job.ts"
import { bookmakers, markets } from "../../src/domain/Market.ts"
import { recordedPeriods, type Recording } from "./fixtures/recording.ts"
import { json, notFound, registryWith } from "./support/clients.ts"
import { assertQuotes } from "./support/expect.ts"

const load = (bookmaker: string): Recording =>
  JSON.parse(readFileSync(new URL(`./fixtures/${bookmaker}.json`, import.meta.url), "utf8"))

const replay = (recording: Recording) =>
  HttpClient.make((request, url) =>
    Effect.sync(() => {
      const body = recording.responses[`${url.pathname}${url.search}`]
      return body === undefined ? notFound(request) : json(request, body)
    })
  )

describe("payloads recorded from the simulator", () => {
  it.effect.each(bookmakers)("%s: every market and period decodes to the world's quotes", (bookmaker) => {
    const recording = load(bookmaker)
    return Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse(recording.anchor))
      const registry = yield* Extractors
      let total = 0
      let suspended = 0
      let live = 0
      for (const market of markets) {
        for (const [source, streamDate] of recordedPeriods) {
          const quotes = yield* (yield* registry.get(bookmaker, market)).extract(
            new Job({ bookmaker, extractor_type: market, data_source: source, stream_date: streamDate })
          )
          assertQuotes(quotes, recording.expected[`${market}/${source}/${streamDate}`]!, {
            bookmaker,
            market,
            source,
            fetchedAt: recording.anchor
          })
          total += quotes.length
          suspended += quotes.filter((q) => q.prices.some((p) => p.price === null)).length
          live += quotes.filter((q) => q.live !== undefined).length
          assert.strictEqual((yield* Metric.value(eventsSkippedFor(bookmaker, market))).count, 0)
        }
      }
      // The recording is worth something only if it holds plenty of quotes, live and suspended ones among them.
      assert.isAbove(total, 30)
      assert.isAbove(live, 0)
      assert.isAbove(suspended, 0)
    }).pipe(Effect.provide(registryWith(replay(recording))))
  })
})
