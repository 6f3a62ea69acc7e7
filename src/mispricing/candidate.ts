// A would-be opportunity before the sanity filters: its legs and return are all the filters need, and the
// Opportunity itself is only built for the ones that pass.
import type { BookQuote } from "./book.ts"
import type { Opportunity } from "./Opportunity.ts"

export interface Candidate {
  readonly id: string
  readonly legs: ReadonlyArray<BookQuote>
  /** ROI for an arbitrage, edge for a value bet. */
  readonly ret: number
  readonly make: () => Opportunity
}

/** Alternatives for one opportunity id, best first: the first that passes the filters is reported. */
export type CandidateGroup = ReadonlyArray<Candidate>
