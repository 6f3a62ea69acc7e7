// BookieBeta's wire format: tournaments are listed per window ("24H" … "5D") or live, then each
// tournament's events are fetched for one offer type; American prices ("+150", "-120"), kickoffs as
// ISO-8601 with a +02:00 offset, live state as a "mm:ss" match clock and two scores, locked (suspended)
// picks listed apart from the priced ones. See docs/bookmakers/beta.md.
import { Schema } from "effect"
import type { Market } from "../../domain/Market.ts"
import { AmericanWire, codec, compiled, IsoInstantWire, reader, SafeId, wireText } from "../codecs.ts"
import type { OutcomeCodes } from "../quote.ts"

/** Beta's `offer` query values. */
export const betaOfferTypes: { readonly [M in Market]: string } = {
  btts: "BTTS",
  three_way: "MONEYLINE_3WAY",
  double_chance: "DOUBLE_CHANCE"
}

/** Beta's picks. */
export const betaOutcomes: OutcomeCodes = {
  yes: "Y",
  no: "N",
  home: "H",
  draw: "D",
  away: "A",
  "1X": "HD",
  "12": "HA",
  X2: "DA"
}

/** Beta publishes its times in its own zone, UTC+2. */
export const betaUtcOffsetMinutes = 120

const parseMatchClock = (s: string): number | undefined => {
  const m = /^(\d{1,3}):[0-5]\d$/.exec(s)
  return m === null ? undefined : Number(m[1])
}

/** "34:12": the match clock, minutes and seconds. */
export const MatchClockWire = wireText("a match clock \"mm:ss\"", (s) => parseMatchClock(s) !== undefined)
  .pipe(Schema.brand("MatchClockWire"))
export type MatchClockWire = typeof MatchClockWire.Type
/** "34:12" → minute 34. */
export const readMatchClock = reader<MatchClockWire, number>(parseMatchClock)
export const MatchClock = codec(MatchClockWire, Schema.Int, readMatchClock, (minute) => `${minute}:00` as MatchClockWire)

export const BetaTournament = compiled(Schema.Struct({
  tournamentId: SafeId,
  name: Schema.String,
  category: Schema.Struct({ name: Schema.String }),
  eventCount: Schema.Int
}))
export type BetaTournament = typeof BetaTournament.Type

/** GET /sports/football/tournaments?window=… | ?live=true; tournaments are decoded one by one. */
export const BetaTournamentsPage = compiled(Schema.Struct({
  live: Schema.Boolean,
  window: Schema.NullOr(Schema.String),
  tournaments: Schema.Array(Schema.Unknown)
}))
export type BetaTournamentsPage = typeof BetaTournamentsPage.Type

export const BetaEvent = compiled(Schema.Struct({
  eventId: SafeId,
  competitors: Schema.Array(Schema.Struct({ qualifier: Schema.Literals(["home", "away"]), name: Schema.NonEmptyString })),
  scheduled: IsoInstantWire,
  liveData: Schema.optionalKey(Schema.Struct({ matchTime: MatchClockWire, homeScore: Schema.Int, awayScore: Schema.Int })),
  offer: Schema.Struct({
    type: Schema.String,
    outcomes: Schema.Array(Schema.Struct({ pick: Schema.String, american: AmericanWire })),
    locked: Schema.Array(Schema.String)
  })
}))
export type BetaEvent = typeof BetaEvent.Type

/** GET /sports/football/tournaments/{tournamentId}/events?offer=…&window=… | &live=true */
export const BetaEventsPage = compiled(Schema.Struct({
  tournament: Schema.Struct({ tournamentId: Schema.String, name: Schema.String, category: Schema.Struct({ name: Schema.String }) }),
  events: Schema.Array(Schema.Unknown)
}))
export type BetaEventsPage = typeof BetaEventsPage.Type
