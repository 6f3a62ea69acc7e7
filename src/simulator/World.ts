// The simulator's view of one bookmaker's book, as its API handlers render it. The world generator
// produces it; each bookmaker's simulated API turns it into that bookmaker's wire format.
import type { Bookmaker, DataSource, Market, Outcome } from "../domain/Market.ts"

export interface BookEvent {
  readonly fixtureId: string // ground truth: the same real fixture has the same id at every bookmaker
  readonly eventId: string // this bookmaker's own id
  readonly home: string // this bookmaker's naming
  readonly away: string
  readonly kickoff: string // ISO-8601 UTC, may differ by a few minutes between bookmakers
  readonly league: string
  readonly country: string
  readonly live?: { readonly minute: number; readonly homeScore: number; readonly awayScore: number }
  /** Decimal prices; null = suspended. A market the bookmaker does not offer for this event is absent. */
  readonly markets: { readonly [M in Market]?: Partial<Record<Outcome, number | null>> }
}

export interface BookView {
  /** Events this bookmaker lists for a source; for `upcoming`, those kicking off on day `offset` (0 = today, UTC). */
  readonly events: (bookmaker: Bookmaker, source: DataSource, dayOffset: number, now: Date) => ReadonlyArray<BookEvent>
}
