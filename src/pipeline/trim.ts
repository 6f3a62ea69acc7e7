// Trimming the job stream without losing a job: `XTRIM MINID` below every group's oldest pending entry and
// last-delivered id, never `MAXLEN` (which drops pending and undelivered entries silently, issue 5).
import { Effect, Schedule } from "effect"
import { WorkerConfig } from "../config/WorkerConfig.ts"
import { RedisStore } from "../redis/RedisStore.ts"
import { compareIds, formatId, parseId, type StreamId } from "../redis/streamId.ts"
import { clip } from "./outputs.ts"

export interface GroupPosition {
  readonly lastDeliveredId: string
  /** The group's oldest pending id; undefined when nothing is pending. */
  readonly oldestPending: string | undefined
}

/**
 * The smallest id still needed by some group: its oldest pending entry, or (nothing pending) its last-delivered
 * entry, since everything after that is undelivered. Entries below it are acknowledged by every group.
 * Undefined when there is no group, or an id does not parse: then nothing may be trimmed.
 */
export const safeMinId = (groups: ReadonlyArray<GroupPosition>): string | undefined => {
  let min: StreamId | undefined
  for (const g of groups) {
    const id = parseId(g.oldestPending ?? g.lastDeliveredId)
    const last = parseId(g.lastDeliveredId)
    if (id === undefined || last === undefined) return undefined
    const needed = compareIds(id, last) < 0 ? id : last
    if (min === undefined || compareIds(needed, min) < 0) min = needed
  }
  return min === undefined ? undefined : formatId(min)
}

export const makeTrimmer = Effect.gen(function*() {
  const { stream, trimEvery } = yield* WorkerConfig
  const store = yield* RedisStore

  const positions = store.groups(stream).pipe(
    Effect.flatMap((groups) =>
      Effect.forEach(groups, (g) =>
        store.pending({ stream, group: g.name, start: "-", end: "+", count: 1 }).pipe(
          Effect.map((p): GroupPosition => ({ lastDeliveredId: g.lastDeliveredId, oldestPending: p[0]?.id }))
        ))
    )
  )

  /** One trim; returns the number of entries deleted. */
  const trimOnce = positions.pipe(
    Effect.flatMap((groups) => {
      const minId = safeMinId(groups)
      return minId === undefined ? Effect.succeed(0) : store.trimMinId(stream, minId)
    }),
    Effect.tap((deleted) => (deleted > 0 ? Effect.logDebug("job stream trimmed", { deleted }) : Effect.void))
  )

  /** Trims now and every XTR_TRIM_EVERY; failures are logged and the next round tries again. */
  const loop = trimOnce.pipe(
    Effect.catch((error) => Effect.logWarning("job stream trim failed", { error: error._tag === "NoGroup" ? "NOGROUP" : clip(error.message) })),
    Effect.repeat(Schedule.spaced(trimEvery)),
    Effect.asVoid
  )
  return { trimOnce, loop }
})
