// The simulator's seeded world for the in-process parts, generated once per size.
import { bookView } from "../../src/simulator/SimBookView.ts"
import { generateWorld } from "../../src/simulator/SimWorld.ts"
import type { BookView } from "../../src/simulator/World.ts"

/** The world's "now": early on a UTC day, so day 0 holds a full slate still to kick off. */
export const anchor = new Date("2026-11-28T00:05:00Z")

const views = new Map<number, BookView>()

/** A world of `fixtures` upcoming fixtures spread over days 0–4 (no live matches, no injected mispricings). */
export const worldView = (fixtures: number): BookView => {
  let view = views.get(fixtures)
  if (view === undefined) {
    view = bookView(generateWorld({ seed: "bench", anchor, fixtures, live: 0, mispricings: 0 }))
    views.set(fixtures, view)
  }
  return view
}
