// A tiny run of `npm run bench` (BENCH_SCALE small, one run) so the suite does not rot: the headline (real
// worker and reference as child processes, drain and paced phases) and the in-process parts. The process
// exits 0, the JSON it writes has every row with positive figures, and every correctness check passed
// (matched entries = expected among them). Speed targets are never asserted: a verdict is only checked to
// be one of the verdicts. The end-to-end, round-trip and scaling benchmarks take longer and are left out.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, assert, describe, it } from "@effect/vitest"
import type { BenchReport } from "../../bench/suite.ts"
import { skipWithoutRedis } from "../support/redisServer.ts"

const out = mkdtempSync(join(tmpdir(), "bench-smoke-"))
afterAll(() => rmSync(out, { recursive: true, force: true }))

// The benchmark always starts a redis-server of its own (it flushes it): REDIS_URL alone is not enough.
describe.skipIf(skipWithoutRedis("bench smoke", { ownServer: true }))("npm run bench (smoke)", () => {
  it("writes a complete report at a tiny scale", { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ["bench/run.ts"], {
      env: {
        ...process.env,
        BENCH_ONLY: "headline,decode,resolve,fold,pricing",
        BENCH_RUNS: "1",
        BENCH_SCALE: "0.002",
        BENCH_PROFILE: "never",
        BENCH_OUT: out
      },
      encoding: "utf8",
      timeout: 110_000
    })
    assert.strictEqual(run.status, 0, `bench failed:\n${run.stdout}\n${run.stderr}`)
    assert.include(run.stdout, "benchmark")

    const file = readdirSync(out).find((f) => f.endsWith(".json"))
    assert.isDefined(file)
    const report = JSON.parse(readFileSync(join(out, file!), "utf8")) as BenchReport
    assert.strictEqual(report.settings.runs, 1)
    assert.isAbove(report.machine.cpus, 0)
    assert.deepStrictEqual(
      [...new Set(report.rows.map((r) => r.id.split(".")[0]))],
      ["ref", "worker", "paced", "decode", "resolve", "fold", "pricing"]
    )
    for (const row of report.rows) {
      assert.notStrictEqual(row.status, "not available", `${row.id}: ${row.note}`)
      assert.include(["PASS", "MISS", "INFO"], row.status, row.id)
      assert.strictEqual(row.samples.length, 1, row.id)
      // Redis' clock counts whole milliseconds: a tiny run's publications may all land within the one they were enqueued in.
      if (row.id === "paced.p99redis") assert.isAtLeast(row.value!.median, 0, row.id)
      else assert.isAbove(row.value!.median, 0, row.id)
      assert.isTrue(Number.isFinite(row.value!.median), row.id)
      if (row.reference !== undefined) assert.isAbove(row.ratio!.median, 0, row.id)
    }
    assert.isAbove(report.checks.length, 0)
    for (const check of report.checks) assert.isTrue(check.ok, `${check.name}: ${check.detail}`)
  })
})
