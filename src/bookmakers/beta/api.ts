// BookieBeta's simulated API: renders the world's BookView in Beta's wire format. Pure.
import { Schema } from "effect"
import { byValue } from "../../domain/byValue.ts"
import type { Market } from "../../domain/Market.ts"
import type { SimulatedApi } from "../../simulator/SimulatedApi.ts"
import type { BookEvent, BookView } from "../../simulator/World.ts"
import { AmericanString, IsoInstant } from "../codecs.ts"
import { marketOfCode, offered } from "../render.ts"
import { type BetaPeriod, betaWindows } from "./period.ts"
import {
  type BetaEvent,
  type BetaEventsPage,
  betaOfferTypes,
  betaOutcomes,
  BetaTournament,
  type BetaTournamentsPage,
  betaUtcOffsetMinutes,
  MatchClock
} from "./wire.ts"

const slug = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64) || "tournament"

// Kept per league: a tournament's events request looks up the id of every event of the period.
const slugs = byValue(slug, { maxEntries: 4096, maxLength: 256 })

/** Beta's tournament id for a league: a slug of country and league ("england-premier-league"). */
const tournamentIdOf = (event: BookEvent): string => slugs.get(`${event.country}-${event.league}`)

const periodOf = (query: URLSearchParams): BetaPeriod | undefined => {
  if (query.get("live") === "true") return "live"
  return betaWindows.find((w) => w === query.get("window"))
}

const eventsOf = (view: BookView, period: BetaPeriod, now: Date) =>
  period === "live"
    ? view.events("BookieBeta", "live", 0, now)
    : view.events("BookieBeta", "upcoming", betaWindows.indexOf(period), now)

const encodeTournament = Schema.encodeSync(BetaTournament)
const american = Schema.encodeSync(AmericanString)
const instant = Schema.encodeSync(IsoInstant(betaUtcOffsetMinutes))
const clock = Schema.encodeSync(MatchClock)

const tournaments = (events: ReadonlyArray<BookEvent>, period: BetaPeriod): typeof BetaTournamentsPage.Encoded => {
  const byId = new Map<string, { readonly first: BookEvent; count: number }>()
  for (const event of events) {
    const id = tournamentIdOf(event)
    const seen = byId.get(id)
    if (seen === undefined) byId.set(id, { first: event, count: 1 })
    else seen.count++
  }
  return {
    live: period === "live",
    window: period === "live" ? null : period,
    tournaments: [...byId].map(([tournamentId, { count, first }]) =>
      encodeTournament({ tournamentId, name: first.league, category: { name: first.country }, eventCount: count })
    )
  }
}

const renderEvent = (event: BookEvent, market: Market): Array<typeof BetaEvent.Encoded> => {
  const selections = offered(event, market)
  if (selections === undefined) return []
  return [{
    eventId: event.eventId,
    competitors: [{ qualifier: "home", name: event.home }, { qualifier: "away", name: event.away }],
    scheduled: instant(event.kickoff),
    ...(event.live === undefined
      ? {}
      : { liveData: { matchTime: clock(event.live.minute), homeScore: event.live.homeScore, awayScore: event.live.awayScore } }),
    offer: {
      type: betaOfferTypes[market],
      outcomes: selections.flatMap(([o, price]) => (price === null ? [] : [{ pick: betaOutcomes[o], american: american(price) }])),
      locked: selections.flatMap(([o, price]) => (price === null ? [betaOutcomes[o]] : []))
    }
  }]
}

const tournamentEvents = (
  events: ReadonlyArray<BookEvent>,
  tournamentId: string,
  market: Market
): typeof BetaEventsPage.Encoded | undefined => {
  const own = events.filter((e) => tournamentIdOf(e) === tournamentId)
  const first = own[0]
  if (first === undefined) return undefined
  return {
    tournament: { tournamentId, name: first.league, category: { name: first.country } },
    events: own.flatMap((e) => renderEvent(e, market))
  }
}

export const betaApi: SimulatedApi = {
  bookmaker: "BookieBeta",
  prefix: "/beta",
  handle: (view, path, query, now) => {
    const period = periodOf(query)
    if (period === undefined) return undefined
    if (path === "/sports/football/tournaments") return tournaments(eventsOf(view, period, now), period)
    const m = /^\/sports\/football\/tournaments\/([^/]+)\/events$/.exec(path)
    const market = marketOfCode(betaOfferTypes, query.get("offer"))
    if (m === null || market === undefined) return undefined
    // Tournament ids are slugs of [a-z0-9-]: the raw path segment is the id.
    return tournamentEvents(eventsOf(view, period, now), m[1]!, market)
  }
}
