// The benchmark's results: rows declared up front (so a missing module still shows as "not available"),
// one sample per run, then medians, spreads, ratios to the same-run reference, targets and verdicts.
import { type Spread, spread } from "./stats.ts"

export interface Target {
  readonly op: ">=" | "<=" | "<"
  readonly value: number
  /** The target applies to the ratio to the reference rather than to the figure itself. */
  readonly onRatio?: boolean
}

export interface RowSpec {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly target?: Target
  /** Name of the same-run reference this row is divided by, when there is one. */
  readonly reference?: string
  readonly digits?: number
}

export interface Sample {
  readonly id: string
  readonly value: number
  readonly ratio?: number
}

export interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

export type Status = "PASS" | "MISS" | "INFO" | "not available"

export interface Row extends RowSpec {
  readonly status: Status
  readonly samples: ReadonlyArray<number>
  readonly value: Spread | null
  readonly ratios: ReadonlyArray<number>
  readonly ratio: Spread | null
  readonly note?: string
}

export const buildRow = (spec: RowSpec, samples: ReadonlyArray<Sample>, unavailable?: string): Row => {
  const mine = samples.filter((s) => s.id === spec.id)
  if (unavailable !== undefined || mine.length === 0) {
    return { ...spec, status: "not available", samples: [], value: null, ratios: [], ratio: null, note: unavailable ?? "no samples" }
  }
  const values = mine.map((s) => s.value)
  const ratios = mine.flatMap((s) => (s.ratio === undefined ? [] : [s.ratio]))
  const value = spread(values)
  const ratio = ratios.length === 0 ? null : spread(ratios)
  const t = spec.target
  const judged = t === undefined ? undefined : t.onRatio === true ? ratio?.median : value.median
  const status: Status = t === undefined || judged === undefined
    ? "INFO"
    : (t.op === ">=" ? judged >= t.value : t.op === "<=" ? judged <= t.value : judged < t.value)
    ? "PASS"
    : "MISS"
  return { ...spec, status, samples: values, value, ratios, ratio }
}

const fmt = (n: number, digits: number) =>
  digits === 0 || Math.abs(n) >= 1e4 ? Math.round(n).toLocaleString("en-US") : n.toFixed(digits)

const opText = { ">=": "≥", "<=": "≤", "<": "<" } as const

const targetText = (t: Target | undefined, unit: string) =>
  t === undefined ? "" : `${opText[t.op]} ${t.value.toLocaleString("en-US")}${t.onRatio === true ? "× ref" : ` ${unit}`}`

/** A plain-text table: benchmark, median, min–max, ratio to reference, target, verdict. */
export const renderTable = (rows: ReadonlyArray<Row>, checks: ReadonlyArray<Check>): string => {
  const header = ["benchmark", "median", "min–max", "ratio (ref)", "target", "status"]
  const lines = rows.map((r) => {
    const d = r.digits ?? 2
    if (r.value === null) return [r.label, "—", "—", "—", targetText(r.target, r.unit), `not available${r.note ? ` (${r.note})` : ""}`]
    return [
      r.label,
      `${fmt(r.value.median, d)} ${r.unit}`,
      `${fmt(r.value.min, d)}–${fmt(r.value.max, d)}`,
      r.ratio === null ? "" : `${r.ratio.median.toFixed(2)}× ${r.reference ?? ""} (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})`,
      targetText(r.target, r.unit),
      r.status === "INFO" ? "" : r.status
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const row = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()
  const out = [row(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(row)]
  if (checks.length > 0) {
    out.push("", "checks:")
    for (const c of checks) out.push(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`)
  }
  return out.join("\n")
}
