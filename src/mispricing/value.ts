// Value bets: a price above what the outcome is worth. The worth is a fair probability from a reference —
// the consensus of the other bookmakers or one named bookmaker — with its margin removed; a bookmaker is
// never judged against itself (the consensus for a bookmaker leaves that bookmaker out). A price is judged by
// the consensus's mean probabilities, and must also be value against each of its books: one mispriced price
// raises its rival outcomes' fair probabilities in that book, which would otherwise pull the mean far enough
// to make the other side of the market look like value elsewhere. For the same reason a consensus takes at
// least two other bookmakers.
import { type BookQuote, type BookRow, legOf } from "./book.ts"
import type { CandidateGroup } from "./candidate.ts"
import { devig } from "./devig.ts"
import { opportunityId, opportunityOf, type ReferenceBook, type Value } from "./Opportunity.ts"
import { marketSlots, type Slot, type Space, slots } from "./outcomes.ts"
import { consensus, type Settings } from "./Settings.ts"
import { roundTo } from "./stakes.ts"

/** The market whose de-vigged book gives the probabilities of each state space. */
const stateMarket = { result: "three_way", btts: "btts" } as const

interface FairBook {
  readonly source: ReferenceBook
  /** Fair probability per state of the space. */
  readonly states: ReadonlyArray<number>
}

/** Each bookmaker's fair state probabilities for a space, from its complete book of that space's market. */
const fairBooks = (book: ReadonlyArray<BookRow>, space: Space, settings: Settings): Array<FairBook> =>
  book.flatMap((row) => {
    const market = stateMarket[space]
    const quotes = marketSlots(market).map((s) => row.quotes[s.index])
    return quotes.every((q) => q !== undefined)
      ? [{
        source: { bookmaker: row.bookmaker, market, fetchedAt: Math.max(...quotes.map((q) => q.fetchedAt)) },
        states: devig(settings.devig, quotes.map((q) => q.price))
      }]
      : []
  })

/** Other bookmakers a consensus needs (see the header). */
const minConsensus = 2

interface Reference {
  /** The mean fair state probabilities of the reference's books: what a price is judged by. */
  readonly states: ReadonlyArray<number>
  /** Each of those books: a value bet must clear the edge against every one of them too. */
  readonly books: ReadonlyArray<FairBook>
}

/** What `bookmaker` is judged by; undefined when the reference is itself or too thin. */
const referenceFor = (bookmaker: string, fair: ReadonlyArray<FairBook>, settings: Settings): Reference | undefined => {
  const others = fair.filter((f) =>
    f.source.bookmaker !== bookmaker && (settings.reference === consensus || f.source.bookmaker === settings.reference)
  )
  if (others.length < (settings.reference === consensus ? minConsensus : 1)) return undefined
  return {
    states: others[0]!.states.map((_, s) => others.reduce((sum, f) => sum + f.states[s]!, 0) / others.length),
    books: others
  }
}

const probabilityOf = (slot: Slot, states: ReadonlyArray<number>): number =>
  states.reduce((p, ps, s) => ((slot.cover & (1 << s)) !== 0 ? p + ps : p), 0)

// Kelly stake: the bankroll fraction edge / (price − 1) maximises expected log growth.
const build = (fixture: string, q: BookQuote, probability: number, edge: number, reference: Reference, settings: Settings): Value => ({
  ...opportunityOf("value", fixture, [legOf(q, roundTo(settings.bankroll * edge / (q.effective - 1), settings.unit))]),
  edge,
  probability,
  reference: settings.reference,
  referenceBooks: reference.books.map((f) => f.source)
})

/** Per outcome, every price whose edge exceeds the value threshold, best edge first. */
export const valueCandidates = (
  fixture: string,
  book: ReadonlyArray<BookRow>,
  settings: Settings
): Array<CandidateGroup> => {
  const fair = { result: fairBooks(book, "result", settings), btts: fairBooks(book, "btts", settings) }
  const references = book.map((row) => ({
    result: referenceFor(row.bookmaker, fair.result, settings),
    btts: referenceFor(row.bookmaker, fair.btts, settings)
  }))
  return slots.flatMap((slot) => {
    const group = book.flatMap((row, r) => {
      const q = row.quotes[slot.index]
      const reference = references[r]![slot.space]
      if (q === undefined || reference === undefined) return []
      const probability = probabilityOf(slot, reference.states)
      const edge = probability * q.effective - 1
      const agreed = reference.books.every((f) => probabilityOf(slot, f.states) * q.effective - 1 > settings.valueEdge)
      return edge > settings.valueEdge && agreed
        ? [{
          id: opportunityId("value", fixture, [slot]),
          legs: [q],
          ret: edge,
          make: () => build(fixture, q, probability, edge, reference, settings)
        }]
        : []
    }).sort((a, b) => b.ret - a.ret)
    return group.length > 0 ? [group] : []
  })
}
