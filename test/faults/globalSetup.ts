// Creates the results file the scenarios append their rows to, and prints the table when the suite ends.
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"
import { formatTable, type Row } from "./support/results.ts"

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "faults-"))
  const file = join(dir, "results.jsonl")
  project.provide("faultsResults", file)
  return () => {
    let rows: Array<Row> = []
    try {
      rows = readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Row)
    } catch {
      // no scenario recorded anything
    }
    rmSync(dir, { recursive: true, force: true })
    rows.sort((a, b) => a.scenario.localeCompare(b.scenario, "en", { numeric: true }))
    const notes = rows.filter((r) => r.note !== undefined).map((r) => `- ${r.scenario}: ${r.note}`)
    process.stdout.write(`\nFault suite (FAULTS_SCALE=${process.env["FAULTS_SCALE"] ?? "1"})\n${formatTable(rows)}\n${notes.join("\n")}\n`)
  }
}
