// BookieGamma payload → canonical quotes. Pure; one bad fixture is skipped with its path.
import { readEpochSeconds, readFractional } from "../codecs.ts"
import { eachItem, type Normalised } from "../payload.ts"
import { type PriceOf, type QuoteContext, quoteOf } from "../quote.ts"
import { GammaFixture, type GammaFixturesPage, gammaOutcomes } from "./wire.ts"

const fixtures = eachItem(GammaFixture, ["fixtures"])

const priceOf: PriceOf<GammaFixture["book"]["selections"]> = (selections, code) => {
  for (const s of selections) if (s.key === code) return s.price === null ? null : readFractional(s.price)
  return undefined
}

const toQuote = (ctx: QuoteContext) => (fixture: GammaFixture) =>
  quoteOf(ctx, gammaOutcomes, priceOf, {
    eventId: fixture.ref,
    listing: {
      home: fixture.participants.home.name,
      away: fixture.participants.away.name,
      kickoff: readEpochSeconds(fixture.kickOff),
      league: fixture.tournament.title,
      country: fixture.tournament.region
    },
    prices: fixture.book.selections,
    live: fixture.clock === undefined
      ? undefined
      : { minute: fixture.clock.elapsed, homeScore: fixture.clock.goals[0], awayScore: fixture.clock.goals[1] }
  })

export const normaliseGamma = (page: GammaFixturesPage, ctx: QuoteContext): Normalised => fixtures(page.fixtures, toQuote(ctx))
