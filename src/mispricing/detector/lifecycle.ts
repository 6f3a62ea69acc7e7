// The lifecycle of opportunities on one fixture, as a pure diff between what was active and what the
// latest pricing found: new (not active before), updated (same id, signature changed: a price or
// stake moved), gone (active before, not found now: a leg moved, was suspended or went stale).
// An opportunity found again unchanged yields nothing, so repeated polls do not flood the stream; what is
// not part of the signature (e.g. when its quotes were fetched) is taken in silently through `refresh`.

export type LifecycleEvent = "new" | "updated" | "gone"

export interface Identified {
  /** Stable while the same bets on the same bookmakers make up the opportunity. */
  readonly id: string
  /** Changes whenever what a bettor would do changes (bookmakers, prices, stakes); not with fetch times. */
  readonly signature: string
}

export interface Change<T> {
  readonly event: LifecycleEvent
  /** The found version for new/updated; the last active version for gone. */
  readonly opportunity: T
}

export interface Diff<T> {
  readonly changes: ReadonlyArray<Change<T>>
  /** What is active afterwards: unchanged opportunities as `refresh` keeps them (by default, their earlier version). */
  readonly active: ReadonlyArray<T>
}

/**
 * `revise` builds the updated version from the old and the found one (e.g. to keep the first-seen time);
 * `refresh` the active version of one found unchanged.
 */
export const diff = <T extends Identified>(
  previous: ReadonlyArray<T>,
  found: ReadonlyArray<T>,
  revise: (old: T, found: T) => T = (_, found) => found,
  refresh: (old: T, found: T) => T = (old) => old
): Diff<T> => {
  const before = new Map(previous.map((o) => [o.id, o]))
  const now = new Map(found.map((o) => [o.id, o]))
  const changes: Array<Change<T>> = []
  const active: Array<T> = []
  for (const opportunity of now.values()) {
    const old = before.get(opportunity.id)
    if (old === undefined) {
      changes.push({ event: "new", opportunity })
      active.push(opportunity)
    } else if (old.signature !== opportunity.signature) {
      const updated = revise(old, opportunity)
      changes.push({ event: "updated", opportunity: updated })
      active.push(updated)
    } else {
      active.push(refresh(old, opportunity))
    }
  }
  for (const old of before.values()) {
    if (!now.has(old.id)) changes.push({ event: "gone", opportunity: old })
  }
  return { changes, active }
}
