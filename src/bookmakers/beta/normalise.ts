// BookieBeta payloads → canonical quotes. Pure; one bad event (or tournament) is skipped with its path.
import { Result } from "effect"
import { readAmerican, readIsoInstant } from "../codecs.ts"
import { type Collected, eachItem, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf } from "../quote.ts"
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

const toQuote = (ctx: QuoteContext, tournament: BetaEventsPage["tournament"]) => (event: BetaEvent) => {
  const home = event.competitors.filter((c) => c.qualifier === "home")
  const away = event.competitors.filter((c) => c.qualifier === "away")
  if (home.length !== 1 || away.length !== 1) return Result.fail("expected one home and one away competitor")
  if (event.offer.type !== betaOfferTypes[ctx.market]) return Result.fail(`offer is ${event.offer.type}`)
  return quoteOf(ctx, betaOutcomes, {
    eventId: event.eventId,
    listing: {
      home: home[0]!.name,
      away: away[0]!.name,
      kickoff: readIsoInstant(event.scheduled),
      league: tournament.name,
      country: tournament.category.name
    },
    selections: [
      ...event.offer.outcomes.map((o) => ({ code: o.pick, price: readAmerican(o.american) })),
      ...event.offer.locked.map((pick) => ({ code: pick, price: null }))
    ],
    live: event.liveData === undefined
      ? undefined
      : { minute: readMatchClock(event.liveData.matchTime), homeScore: event.liveData.homeScore, awayScore: event.liveData.awayScore }
  })
}

export const normaliseBetaEvents = (page: BetaEventsPage, ctx: QuoteContext): Normalised =>
  events(page.events, toQuote(ctx, page.tournament))
