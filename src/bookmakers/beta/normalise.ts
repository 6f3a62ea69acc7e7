// BookieBeta payloads → canonical quotes. Pure; one bad event (or tournament) is skipped with its path.
import { Result } from "effect"
import { type Collected, collectEach, type Normalised } from "../payload.ts"
import { type QuoteContext, quoteOf } from "../quote.ts"
import {
  BetaEvent,
  type BetaEventsPage,
  betaOfferTypes,
  betaOutcomes,
  BetaTournament,
  type BetaTournamentsPage
} from "./wire.ts"

export const betaTournaments = (page: BetaTournamentsPage): Collected<BetaTournament> =>
  collectEach(page.tournaments, ["tournaments"], BetaTournament, Result.succeed)

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
      kickoff: event.scheduled,
      league: tournament.name,
      country: tournament.category.name
    },
    selections: [
      ...event.offer.outcomes.map((o) => ({ code: o.pick, price: o.american })),
      ...event.offer.locked.map((pick) => ({ code: pick, price: null }))
    ],
    live: event.liveData === undefined
      ? undefined
      : { minute: event.liveData.matchTime, homeScore: event.liveData.homeScore, awayScore: event.liveData.awayScore }
  })
}

export const normaliseBetaEvents = (page: BetaEventsPage, ctx: QuoteContext): Normalised =>
  collectEach(page.events, ["events"], BetaEvent, toQuote(ctx, page.tournament))
