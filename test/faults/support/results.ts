// One row of the fault suite's table per scenario, appended to a JSON-lines file that the global setup
// (test/faults/globalSetup.ts) creates and prints as a table once every scenario has run.
import { appendFileSync } from "node:fs"
import { inject, onTestFailed } from "vitest"
import type { Verdict } from "./check.ts"

export interface Row {
  readonly scenario: string
  readonly jobsIn: number
  readonly processed: number
  readonly deadLettered: number
  readonly lost: number
  /** null: not counted (say why in the scenario's note). */
  readonly duplicates: number | null
  /** Time from the end of the fault to work resuming (ms); null when the scenario has no fault end. */
  readonly recoveryMs: number | null
  /** Highest peak RSS of the processes under test (bytes). */
  readonly peakRss: number
  readonly ok: boolean
  readonly note?: string
}

declare module "vitest" {
  export interface ProvidedContext {
    faultsResults: string
  }
}

const recorded = new Set<string>()

export const record = (row: Row): void => {
  recorded.add(row.scenario)
  appendFileSync(inject("faultsResults"), `${JSON.stringify(row)}\n`)
}

/**
 * Called first in a scenario's test: when the test fails before recording its row (a wait timed out, a
 * process died), a FAILED row with the first error still makes the table.
 */
export const expectRow = (scenario: string): void =>
  onTestFailed(({ task }) => {
    if (recorded.has(scenario)) return
    const error = task.result?.errors?.[0]?.message ?? "failed"
    record({ scenario, jobsIn: 0, processed: 0, deadLettered: 0, lost: 0, duplicates: null, recoveryMs: null, peakRss: 0, ok: false, note: `FAILED before the end: ${error.split("\n")[0]}` })
  })

/** A row from a verdict; `ok` also requires `extra` problems to be empty. */
export const rowOf = (
  scenario: string,
  v: Verdict,
  recoveryMs: number | null,
  peakRss: number,
  note?: string
): Row => ({
  scenario,
  jobsIn: v.jobsIn,
  processed: v.processed,
  deadLettered: v.deadLettered,
  lost: v.lost,
  duplicates: v.duplicates,
  recoveryMs,
  peakRss,
  ok: v.problems.length === 0,
  ...(note === undefined ? {} : { note })
})

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`
const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`)

export const formatTable = (rows: ReadonlyArray<Row>): string => {
  const header = ["scenario", "jobs in", "processed", "dead-lettered", "lost", "dup. publications", "recovery", "peak RSS", "result"]
  const body = rows.map((r) => [
    r.scenario,
    String(r.jobsIn),
    String(r.processed),
    String(r.deadLettered),
    String(r.lost),
    r.duplicates === null ? "–" : String(r.duplicates),
    seconds(r.recoveryMs),
    r.peakRss === 0 ? "–" : mb(r.peakRss),
    r.ok ? "ok" : "FAILED"
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n")
}
