// Tracing what the pipeline stored or reported back to the simulator's ground truth: a quote carries its
// bookmaker's own event id, and the ground truth lists every bookmaker's event id under its fixture.
import type { GroundTruth } from "../../src/simulator/Truth.ts"

/** The truth fixture id of a bookmaker's event; undefined for an event (or id) the truth does not list. */
export const fixtureOfEvent = (truth: GroundTruth): (bookmaker: string, eventId: string | undefined) => string | undefined => {
  const byEvent = new Map<string, string>()
  for (const f of truth.fixtures) for (const l of f.listings) byEvent.set(`${l.bookmaker}|${l.eventId}`, f.fixtureId)
  return (bookmaker, eventId) => (eventId === undefined ? undefined : byEvent.get(`${bookmaker}|${eventId}`))
}
