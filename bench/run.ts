// `npm run bench`: runs the suite (after `npm run build`), prints the table, writes bench/results/<time>.json
// (BENCH_OUT changes the directory).
// Exits 1 when a correctness check fails (e.g. matched entries ≠ expected); a missed target is reported, not fatal.
import { writeFileSync } from "node:fs"
import { Effect } from "effect"
import type { PerJobTime } from "./lib/profile.ts"
import { renderTable } from "./lib/report.ts"
import { benchSettings } from "./lib/settings.ts"
import { describeGcPhases, runBench } from "./suite.ts"

// A signal ends the process through process.exit, so the exit hooks kill redis-server and the consumers.
process.once("SIGINT", () => process.exit(130))
process.once("SIGTERM", () => process.exit(143))

const settings = Effect.runSync(benchSettings)
const stamp = new Date().toISOString().replaceAll(":", "-").replace(/\.\d+Z$/, "Z")
const outDir = `${settings.out}/${stamp}`
const jsonFile = `${settings.out}/${stamp}.json`
process.stdout.write(`bench: runs=${settings.runs} scale=${settings.scale}; logs in ${outDir}/\n`)

const report = await runBench(settings, outDir, (line) => process.stdout.write(`  … ${line}\n`))
writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`)

process.stdout.write(`\n${renderTable(report.rows, report.checks)}\n`)
for (const p of report.profiles) {
  process.stdout.write(`\nprofile of ${p.name} (${p.why}; ${p.file}, ${p.totalMs.toFixed(0)} ms sampled)\n`)
  process.stdout.write(`  by package: ${p.byPackage.slice(0, 8).map((b) => `${b.where} ${b.percent.toFixed(1)}%`).join(", ")}\n`)
  for (const line of p.gc === undefined ? [] : describeGcPhases(p.gc)) process.stdout.write(`  ${line}\n`)
  process.stdout.write("  top self time:\n")
  for (const h of p.hot.slice(0, 15)) {
    process.stdout.write(`  ${h.percent.toFixed(1).padStart(5)}%  ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.fn}  ${h.where}\n`)
  }
}
if (report.perJob.length > 0) {
  const us = (n: number) => n.toFixed(1).padStart(7)
  process.stdout.write("\nworker against the reference, sampled µs per job (drain + paced), largest excess first, places under 0.5 µs left out:\n")
  process.stdout.write(`  ${"where".padEnd(22)}  ${"worker".padStart(7)}  ${"ref".padStart(7)}  ${"excess".padStart(7)}\n`)
  for (const p of report.perJob.filter((p) => Math.max(p.us, p.referenceUs) >= 0.5)) {
    process.stdout.write(`  ${p.where.padEnd(22)}  ${us(p.us)}  ${us(p.referenceUs)}  ${us(p.us - p.referenceUs)}\n`)
  }
  const sum = (f: (p: PerJobTime) => number) => report.perJob.reduce((total, p) => total + f(p), 0)
  process.stdout.write(`  ${"all".padEnd(22)}  ${us(sum((p) => p.us))}  ${us(sum((p) => p.referenceUs))}  ${us(sum((p) => p.us - p.referenceUs))}\n`)
}
process.stdout.write(`\nresults: ${jsonFile}\n`)
process.exitCode = report.checks.every((c) => c.ok) ? 0 : 1
