// BookieBeta payloads → canonical quotes. Pure; one bad event (or tournament) is skipped with its path.
import { Result } from "effect"
import { readAmerican, readIsoInstant } from "../codecs.ts"
import { type Collected, eachItem, type Normalised } from "../payload.ts"
import { type PriceOf, type QuoteContext, quoteOf } from "../quote.ts"
import {
  BetaEvent,
  type BetaEventsPage,
  betaOfferTypes,
  betaOutcomes,
  BetaTournament,
  type BetaTournamentsPage,
  readMatchClock
} from "./wire.ts"

const tournaments = eachItem(BetaTournament, ["tournaments"])
const events = eachItem(BetaEvent, ["events"])

export const betaTournaments = (page: BetaTournamentsPage): Collected<BetaTournament> =>
  tournaments(page.tournaments, Result.succeed)

/** The one competitor named `qualifier`; undefined when there is none, or more than one. */
const only = (competitors: BetaEvent["competitors"], qualifier: "home" | "away") => {
  let found: BetaEvent["competitors"][number] | undefined
  for (const c of competitors) {
    if (c.qualifier !== qualifier) continue
    if (found !== undefined) return undefined
    found = c
  }
  return found
}

/** Priced picks first, then the locked (suspended) ones. */
const priceOf: PriceOf<BetaEvent["offer"]> = (offer, code) => {
  for (const o of offer.outcomes) if (o.pick === code) return readAmerican(o.american)
  return offer.locked.includes(code) ? null : undefined
}

const toQuote = (ctx: QuoteContext, tournament: BetaEventsPage["tournament"]) => (event: BetaEvent) => {
  const home = only(event.competitors, "home")
  const away = only(event.competitors, "away")
  if (home === undefined || away === undefined) return Result.fail("expected one home and one away competitor")
  if (event.offer.type !== betaOfferTypes[ctx.market]) return Result.fail(`offer is ${event.offer.type}`)
  return quoteOf(ctx, betaOutcomes, priceOf, {
    eventId: event.eventId,
    listing: {
      home: home.name,
      away: away.name,
      kickoff: readIsoInstant(event.scheduled),
      league: tournament.name,
      country: tournament.category.name
    },
    prices: event.offer,
    live: event.liveData === undefined
      ? undefined
      : { minute: readMatchClock(event.liveData.matchTime), homeScore: event.liveData.homeScore, awayScore: event.liveData.awayScore }
  })
}

export const normaliseBetaEvents = (page: BetaEventsPage, ctx: QuoteContext): Normalised =>
  events(page.events, toQuote(ctx, page.tournament))
