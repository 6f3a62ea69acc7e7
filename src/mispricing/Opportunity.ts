// What pricing finds. `id` names an opportunity across polls (kind, fixture and which outcomes it bets on);
// `signature` changes whenever what a bettor would do does — a leg's bookmaker, price or stake — and not when
// the same prices are merely fetched again, so a detector can tell new / updated / gone.
import { type Market, markets, type Outcome } from "../domain/Market.ts"

export interface Leg {
  readonly bookmaker: string
  readonly market: Market
  readonly outcome: Outcome
  readonly price: number
  /** Rounded to the stake unit. */
  readonly stake: number
  /** Epoch milliseconds. */
  readonly fetchedAt: number
}

interface Common {
  readonly id: string
  readonly signature: string
  readonly fixture: string
  /** The distinct markets of the legs, in canonical order. */
  readonly markets: ReadonlyArray<Market>
  /** In canonical outcome order (btts, three_way, double_chance; outcomes as listed in the domain). */
  readonly legs: ReadonlyArray<Leg>
}

export interface Arbitrage extends Common {
  readonly kind: "arbitrage"
  /** Guaranteed return on the amount staked, after commission, before rounding: t − 1. */
  readonly roi: number
  readonly staked: number
  /** Payout of the rounded stakes per state (`home`/`draw`/`away` or `yes`/`no`). */
  readonly payouts: Readonly<Record<string, number>>
  /** Smallest payout minus the total staked, after rounding. */
  readonly profit: number
}

/** How old a quote fetched at `fetchedAt` is at `at` (epoch ms), never negative: for the ages events show. */
export const ageAt = (fetchedAt: number, at: number): number => Math.max(0, at - fetchedAt)

/** One book a value bet's fair probability was computed from: a bookmaker's quote of the state market. */
export interface ReferenceBook {
  readonly bookmaker: string
  /** `three_way` (for result outcomes) or `btts`. */
  readonly market: Market
  /** Epoch milliseconds. */
  readonly fetchedAt: number
}

export interface Value extends Common {
  readonly kind: "value"
  /** p·price − 1, with p the reference's fair probability and the price after commission. */
  readonly edge: number
  readonly probability: number
  /** `consensus` or the reference bookmaker. */
  readonly reference: string
  /**
   * The books the probability came from, by bookmaker: how fresh the reference is, and, with the legs, which
   * quote arrived last (a change of the consensus alone can reveal or update a value bet). Absent from
   * records written before it existed.
   */
  readonly referenceBooks?: ReadonlyArray<ReferenceBook>
}

export type Opportunity = Arbitrage | Value

/** The return that ranks opportunities: ROI for an arbitrage, edge for a value bet. */
export const returnOf = (o: Opportunity): number => (o.kind === "arbitrage" ? o.roi : o.edge)

export const opportunityId = (
  kind: Opportunity["kind"],
  fixture: string,
  legs: ReadonlyArray<Pick<Leg, "market" | "outcome">>
): string => `${kind}|${fixture}|${legs.map((l) => `${l.market}:${l.outcome}`).join(",")}`

export const opportunitySignature = (id: string, legs: ReadonlyArray<Pick<Leg, "bookmaker" | "price" | "stake">>): string =>
  `${id}|${legs.map((l) => `${l.bookmaker}@${l.price}/${l.stake}`).join(",")}`

/** What every opportunity derives from its kind, fixture and legs. */
export const opportunityOf = <K extends Opportunity["kind"]>(kind: K, fixture: string, legs: ReadonlyArray<Leg>) => {
  const id = opportunityId(kind, fixture, legs)
  return {
    kind,
    id,
    signature: opportunitySignature(id, legs),
    fixture,
    markets: markets.filter((m) => legs.some((l) => l.market === m)),
    legs
  }
}
