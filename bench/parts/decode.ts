// Decode + normalise per bookmaker: a 5,000-event feed in each bookmaker's wire format, rendered by its
// simulated API (api.ts) from the simulator's world, for each of the three markets; then, timed, what the
// extractor does with the bytes: JSON.parse, Schema-decode the page, normalise to canonical quotes
// (including the listing pages that Beta and Delta fetch first). No HTTP.
import { Array as Arr, Result, Schema } from "effect"
import { alphaApi } from "../../src/bookmakers/alpha/api.ts"
import { normaliseAlpha } from "../../src/bookmakers/alpha/normalise.ts"
import { AlphaEventsPage, alphaMarketCodes } from "../../src/bookmakers/alpha/wire.ts"
import { betaApi } from "../../src/bookmakers/beta/api.ts"
import { betaTournaments, normaliseBetaEvents } from "../../src/bookmakers/beta/normalise.ts"
import { betaPeriodQuery } from "../../src/bookmakers/beta/period.ts"
import { BetaEventsPage, betaOfferTypes, BetaTournamentsPage } from "../../src/bookmakers/beta/wire.ts"
import { deltaApi } from "../../src/bookmakers/delta/api.ts"
import { deltaIds, normaliseDelta } from "../../src/bookmakers/delta/normalise.ts"
import { DeltaIdList, deltaMarketTypes, DeltaMarketsPage } from "../../src/bookmakers/delta/wire.ts"
import { deltaChunk } from "../../src/bookmakers/delta/extractor.ts"
import { gammaApi } from "../../src/bookmakers/gamma/api.ts"
import { normaliseGamma } from "../../src/bookmakers/gamma/normalise.ts"
import { GammaCatalogue, GammaFixturesPage, gammaMarketTypes } from "../../src/bookmakers/gamma/wire.ts"
import { dateAt } from "../../src/bookmakers/render.ts"
import { type Bookmaker, type Market, markets } from "../../src/domain/Market.ts"
import type { SimulatedApi } from "../../src/simulator/SimulatedApi.ts"
import type { BookView } from "../../src/simulator/World.ts"
import { Effect } from "effect"
import { type Benchmark, scaled } from "../lib/context.ts"
import { profileSection } from "../lib/profile.ts"
import { timed } from "../lib/timing.ts"
import { anchor, worldView } from "../lib/world.ts"

/** One response body as the extractor receives it, and what the extractor does with it. */
interface Response {
  readonly text: string
  /** Events in the body (0 for listing pages). */
  readonly events: number
  /** Decodes and normalises; the number of quotes produced and items skipped. */
  readonly decode: (text: string) => { readonly quotes: number; readonly skipped: number }
}

/** JSON.parse + Schema decode, as BookieHttp.getJson does it. */
const decoder = <A>(schema: Schema.ConstraintDecoder<A>) => {
  const decode = Schema.decodeUnknownResult(schema)
  return (text: string): A => {
    const decoded = decode(JSON.parse(text))
    if (Result.isFailure(decoded)) throw new Error(`bench feed does not decode: ${decoded.failure.message}`)
    return decoded.success
  }
}

const get = (api: SimulatedApi, view: BookView, path: string, query: Record<string, string>) => {
  const body = api.handle(view, path, new URLSearchParams(query), anchor)
  if (body === undefined) throw new Error(`${api.bookmaker}: nothing at ${path}`)
  return JSON.stringify(body)
}

const eventCount = (text: string, field: string) => (JSON.parse(text) as Record<string, ReadonlyArray<unknown>>)[field]!.length

const ctx = (bookmaker: Bookmaker, market: Market) => ({ bookmaker, market, source: "upcoming" as const, fetchedAt: anchor.toISOString() })

const feeds: { readonly [B in Bookmaker]: (view: BookView) => ReadonlyArray<Response> } = {
  BookieAlpha: (view) => {
    const page = decoder(AlphaEventsPage)
    return markets.map((market) => {
      const text = get(alphaApi, view, "/v1/events", { market: alphaMarketCodes[market], period: "0" })
      return { text, events: eventCount(text, "data"), decode: (t) => count(normaliseAlpha(page(t), ctx("BookieAlpha", market))) }
    })
  },
  BookieGamma: (view) => {
    const catalogueText = get(gammaApi, view, "/api/v2/catalogue", {})
    const catalogue = decoder(GammaCatalogue)
    const ids = catalogue(catalogueText).markets
    const page = decoder(GammaFixturesPage)
    return [
      { text: catalogueText, events: 0, decode: (t) => ({ quotes: 0, skipped: catalogue(t).markets.length === 0 ? 1 : 0 }) },
      ...markets.map((market) => {
        const id = String(ids.find((m) => m.type === gammaMarketTypes[market])!.id)
        const text = get(gammaApi, view, "/api/v2/fixtures", { day: "0", marketId: id })
        return { text, events: eventCount(text, "fixtures"), decode: (t: string) => count(normaliseGamma(page(t), ctx("BookieGamma", market))) }
      })
    ]
  },
  BookieBeta: (view) => {
    const query = betaPeriodQuery("24H")
    const listingText = get(betaApi, view, "/sports/football/tournaments", query)
    const listing = decoder(BetaTournamentsPage)
    const page = decoder(BetaEventsPage)
    const tournaments = betaTournaments(listing(listingText)).items
    return [
      { text: listingText, events: 0, decode: (t) => ({ quotes: 0, skipped: betaTournaments(listing(t)).skipped.length }) },
      ...markets.flatMap((market) =>
        tournaments.map((tournament) => {
          const text = get(betaApi, view, `/sports/football/tournaments/${tournament.tournamentId}/events`, { ...query, offer: betaOfferTypes[market] })
          return { text, events: eventCount(text, "events"), decode: (t: string) => count(normaliseBetaEvents(page(t), ctx("BookieBeta", market))) }
        })
      )
    ]
  },
  BookieDelta: (view) => {
    const listingText = get(deltaApi, view, "/feed/events", { date: dateAt(0, anchor) })
    const listing = decoder(DeltaIdList)
    const page = decoder(DeltaMarketsPage)
    const chunk = Effect.runSync(deltaChunk)
    const chunks = Arr.chunksOf(deltaIds(listing(listingText)).items, chunk)
    return [
      { text: listingText, events: 0, decode: (t) => ({ quotes: 0, skipped: deltaIds(listing(t)).skipped.length }) },
      ...markets.flatMap((market) =>
        chunks.map((ids) => {
          const text = get(deltaApi, view, "/feed/markets", { ids: ids.join(","), type: deltaMarketTypes[market] })
          return { text, events: eventCount(text, "events"), decode: (t: string) => count(normaliseDelta(page(t), ctx("BookieDelta", market))) }
        })
      )
    ]
  }
}

const count = (n: { readonly items: ReadonlyArray<unknown>; readonly skipped: ReadonlyArray<unknown> }) => ({
  quotes: n.items.length,
  skipped: n.skipped.length
})

/** The world's first `events` listings of `bookmaker` (days 0–4), all served as day 0. */
const feedView = (bookmaker: Bookmaker, events: number): BookView => {
  const world = worldView(scaled(10_000, events / 5000, 50))
  const all = [0, 1, 2, 3, 4].flatMap((day) => world.events(bookmaker, "upcoming", day, anchor)).slice(0, events)
  return { events: (b, source, day) => (b === bookmaker && source === "upcoming" && day === 0 ? all : []) }
}

const short = (b: Bookmaker) => b.slice("Bookie".length).toLowerCase()
const bookmakerOrder: ReadonlyArray<Bookmaker> = ["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta"]

/** Every bookmaker's responses for a feed of `events` events per market (rendering is not timed). */
const renderFeeds = (events: number) => bookmakerOrder.map((bookmaker) => ({ bookmaker, responses: feeds[bookmaker](feedView(bookmaker, events)) }))

const decodeAll = (responses: ReadonlyArray<Response>) =>
  responses.reduce((sum, r) => {
    const out = r.decode(r.text)
    return { quotes: sum.quotes + out.quotes, skipped: sum.skipped + out.skipped }
  }, { quotes: 0, skipped: 0 })

/** One measurement of every bookmaker's feed of `events` events per market. */
export const measureDecode = (events: number): Awaited<ReturnType<Benchmark["runOnce"]>> =>
  renderFeeds(events).reduce<Awaited<ReturnType<Benchmark["runOnce"]>>>((acc, { bookmaker, responses }) => {
    const { result, seconds } = timed(() => decodeAll(responses))
    // The same-run reference: JSON.parse alone of the same bodies, the floor of any decoder that parses them.
    const parseOnly = timed(() => responses.reduce((n, r) => n + (JSON.parse(r.text) === null ? 0 : 1), 0)).seconds
    const eventItems = responses.reduce((n, r) => n + r.events, 0)
    const bytes = responses.reduce((n, r) => n + Buffer.byteLength(r.text), 0)
    return {
      samples: [
        ...acc.samples,
        { id: `decode.${short(bookmaker)}.parse`, value: eventItems / parseOnly },
        { id: `decode.${short(bookmaker)}`, value: eventItems / seconds, ratio: parseOnly / seconds },
        { id: `decode.${short(bookmaker)}.mb`, value: bytes / 1e6 / seconds }
      ],
      checks: [...acc.checks, {
        name: `${bookmaker}: every event decoded to a quote`,
        ok: result.quotes === eventItems && result.skipped === 0 && eventItems >= events,
        detail: `${result.quotes} quotes from ${eventItems} events (${events} per market) in ${responses.length} responses, ${(bytes / 1e6).toFixed(2)} MB; ${result.skipped} skipped`
      }]
    }
  }, { samples: [], checks: [] })

export const decodeBench: Benchmark = {
  name: "decode",
  rows: bookmakerOrder.flatMap((b) => [
    { id: `decode.${short(b)}.parse`, label: `reference: JSON.parse alone, ${b}'s bodies`, unit: "events/s", digits: 0 },
    {
      id: `decode.${short(b)}`,
      label: `decode + normalise ${b}, 5,000 events × 3 markets`,
      unit: "events/s",
      reference: "JSON.parse alone",
      target: { op: ">=" as const, value: 200_000 },
      digits: 0
    },
    { id: `decode.${short(b)}.mb`, label: `decode + normalise ${b}`, unit: "MB/s", digits: 1 }
  ]),
  unavailable: () => undefined,
  runOnce: async (ctx) => measureDecode(scaled(5000, ctx.scale, 50))
}

// `node bench/parts/decode.ts <dir>`: the feeds rendered, then decoded 20 times under the profiler, which
// writes `<dir>/decode.cpuprofile` (see bench/suite.ts). Rendering is left out: it is the simulator's work.
if (import.meta.main) {
  const rendered = renderFeeds(5000)
  await profileSection(process.argv[2] ?? ".", "decode", () => {
    for (let i = 0; i < 20; i++) for (const { responses } of rendered) decodeAll(responses)
  })
}
