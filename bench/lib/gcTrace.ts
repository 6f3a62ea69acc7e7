// What the worker's garbage collector did during a run, from the lines `node --trace-gc-nvp` prints: how often
// it stopped the worker and for how long, per phase. A job in flight during a pause waits for it, so the
// pauses bound the paced phase's tail latency from below whatever the pipeline does.
import { median } from "./stats.ts"

export type GcKind = "scavenge" | "mark-compact" | "other"

export interface GcEvent {
  /** When the collection ended, in ms since the process's V8 isolate started. */
  readonly atMs: number
  readonly kind: GcKind
  /** How long the main thread was stopped. */
  readonly pauseMs: number
  /** Bytes allocated since the previous collection. */
  readonly allocatedBytes: number
}

// `[1234:0x2dab1000:0]     7292 ms: pause=2.1 mutator=29.1 gc=s … allocated=6117320 …`
const nvpLine = /^\[\d+:0x[0-9a-f]+(?::\d+)?\]\s+(\d+(?:\.\d+)?) ms: (pause=.*)$/

const kindOf = (code: string | undefined): GcKind =>
  code === "s" ? "scavenge" : code === "mc" || code === "mmc" ? "mark-compact" : "other"

/** The collections in a process's output; lines that are not --trace-gc-nvp lines are skipped. */
export const parseGcTrace = (text: string): ReadonlyArray<GcEvent> =>
  text.split("\n").flatMap((line) => {
    const match = nvpLine.exec(line)
    if (match === null) return []
    const fields = new Map(match[2]!.split(" ").map((pair) => pair.split("=") as [string, string]))
    const pauseMs = Number(fields.get("pause"))
    if (!Number.isFinite(pauseMs)) return []
    return [{
      atMs: Number(match[1]),
      kind: kindOf(fields.get("gc")),
      pauseMs,
      allocatedBytes: Number(fields.get("allocated") ?? 0) || 0
    }]
  })

export interface GcSummary {
  readonly seconds: number
  readonly scavenges: number
  readonly scavengePauseMedianMs: number
  readonly scavengePauseMaxMs: number
  readonly markCompacts: number
  readonly markCompactPauseMaxMs: number
  /** Share of the phase the main thread spent stopped by collections of any kind. */
  readonly pausedPercent: number
  /** Bytes allocated during the phase per job it processed, in KiB. */
  readonly allocatedKiBPerJob: number
}

/** The collections that ended within [fromMs, toMs) of the isolate's clock, summed up for `jobs` jobs. */
export const summariseGc = (
  events: ReadonlyArray<GcEvent>,
  window: { readonly fromMs: number; readonly toMs: number },
  jobs: number
): GcSummary => {
  const inside = events.filter((e) => e.atMs >= window.fromMs && e.atMs < window.toMs)
  const pauses = (kind: GcKind) => inside.filter((e) => e.kind === kind).map((e) => e.pauseMs)
  const scavenges = pauses("scavenge")
  const majors = pauses("mark-compact")
  const spanMs = Math.max(1, window.toMs - window.fromMs)
  return {
    seconds: spanMs / 1000,
    scavenges: scavenges.length,
    scavengePauseMedianMs: scavenges.length === 0 ? 0 : median(scavenges),
    scavengePauseMaxMs: Math.max(0, ...scavenges),
    markCompacts: majors.length,
    markCompactPauseMaxMs: Math.max(0, ...majors),
    pausedPercent: (100 * inside.reduce((sum, e) => sum + e.pauseMs, 0)) / spanMs,
    allocatedKiBPerJob: jobs > 0 ? inside.reduce((sum, e) => sum + e.allocatedBytes, 0) / 1024 / jobs : 0
  }
}

export const describeGc = (s: GcSummary): string =>
  `scavenges: ${s.scavenges} (pause median ${s.scavengePauseMedianMs.toFixed(1)} ms, max ${s.scavengePauseMaxMs.toFixed(1)}), ` +
  `mark-compacts: ${s.markCompacts} (pause max ${s.markCompactPauseMaxMs.toFixed(1)} ms); ` +
  `stopped ${s.pausedPercent.toFixed(1)} % of ${s.seconds.toFixed(1)} s; ${s.allocatedKiBPerJob.toFixed(0)} KiB allocated per job`
