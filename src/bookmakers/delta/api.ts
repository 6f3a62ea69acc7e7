// BookieDelta's simulated API: renders the world's BookView in Delta's wire format. Pure.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import type { SimulatedApi } from "../../simulator/SimulatedApi.ts"
import type { BookEvent, BookView } from "../../simulator/World.ts"
import { Score, SpaceSeparatedUtc } from "../codecs.ts"
import { dayOffset, marketOfCode, offered } from "../render.ts"
import { deltaMaxDay } from "./period.ts"
import {
  type DeltaEvent,
  type DeltaIdList,
  deltaMarketTypes,
  deltaMaxIds,
  type DeltaMarketsPage,
  deltaOutcomes,
  DeltaPrice,
  deltaScoreSeparator
} from "./wire.ts"

const instant = Schema.encodeSync(SpaceSeparatedUtc)
const score = Schema.encodeSync(Score(deltaScoreSeparator))
const price = Schema.encodeSync(DeltaPrice)

const idList = (view: BookView, query: URLSearchParams, now: Date): typeof DeltaIdList.Encoded | undefined => {
  if (query.get("live") === "1") {
    return { date: null, live: true, ids: view.events("BookieDelta", "live", 0, now).map((e) => e.eventId) }
  }
  const date = query.get("date") ?? ""
  const offset = dayOffset(date, now)
  if (offset === undefined || offset < 0 || offset > deltaMaxDay) return undefined
  return { date, live: false, ids: view.events("BookieDelta", "upcoming", offset, now).map((e) => e.eventId) }
}

/** Every event Delta lists now, by id; a live listing wins over the same event's pre-match one. */
const eventsById = (view: BookView, now: Date): ReadonlyMap<string, BookEvent> => {
  const days = Array.from({ length: deltaMaxDay + 1 }, (_, day) => view.events("BookieDelta", "upcoming", day, now))
  return new Map([...days.flat(), ...view.events("BookieDelta", "live", 0, now)].map((e) => [e.eventId, e]))
}

const renderEvent = (event: BookEvent, market: Market): Array<typeof DeltaEvent.Encoded> => {
  const selections = offered(event, market)
  if (selections === undefined) return []
  return [{
    id: event.eventId,
    t1: event.home,
    t2: event.away,
    ko: instant(event.kickoff),
    lg: event.league,
    cn: event.country,
    ...(event.live === undefined
      ? {}
      : { st: { min: event.live.minute, sc: score({ home: event.live.homeScore, away: event.live.awayScore }) } }),
    odds: selections.map(([outcome, p]) => ({ c: deltaOutcomes[outcome], v: price(p) }))
  }]
}

const markets = (view: BookView, query: URLSearchParams, now: Date): typeof DeltaMarketsPage.Encoded | undefined => {
  const market = marketOfCode(deltaMarketTypes, query.get("type"))
  const ids = (query.get("ids") ?? "").split(",").filter((id) => id !== "")
  if (market === undefined || ids.length === 0 || ids.length > deltaMaxIds) return undefined
  const byId = eventsById(view, now)
  return {
    type: deltaMarketTypes[market],
    events: ids.flatMap((id) => {
      const event = byId.get(id)
      return event === undefined ? [] : renderEvent(event, market)
    })
  }
}

export const deltaApi: SimulatedApi = {
  bookmaker: "BookieDelta",
  prefix: "/delta",
  handle: (view, path, query, now) =>
    path === "/feed/events" ? idList(view, query, now) : path === "/feed/markets" ? markets(view, query, now) : undefined
}
