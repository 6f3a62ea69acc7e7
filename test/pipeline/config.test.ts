// Worker settings: defaults and derived values, and the built command's one-line error and exit status 2
// for each missing or malformed variable (spawned as `node dist/main.js worker`, built by `npm test`).
import { execFile, execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect } from "effect"
import { workerConfig } from "../../src/config/WorkerConfig.ts"

const parse = (env: Record<string, string>) =>
  workerConfig.parse(ConfigProvider.fromEnv({ env: { STREAM: "XTR-BTTS_live_stream", XTRTYPE: "btts-worker", ...env } }))

describe("worker settings", () => {
  it.effect("defaults follow the seed: batch 3, concurrency and MATCH_MIN the batch size, btts needs 2", () =>
    Effect.gen(function*() {
      const cfg = yield* parse({})
      assert.strictEqual(cfg.batchSize, 3)
      assert.strictEqual(cfg.concurrency, 3)
      assert.strictEqual(cfg.matchMin, 3)
      assert.strictEqual(cfg.matchMinBtts, 2)
      assert.strictEqual(cfg.group, "bookies-workers")
      assert.isTrue(Duration.equals(cfg.window, Duration.zero))
      assert.strictEqual(cfg.inflight, 32)
      assert.match(cfg.consumer, new RegExp(`^btts-worker-.+-${process.pid}$`))
      const bigger = yield* parse({ XTR_BATCH: "8", XTR_CONCURRENCY: "2", XTR_WINDOW: "500 millis" })
      assert.deepStrictEqual([bigger.batchSize, bigger.concurrency, bigger.matchMin], [8, 2, 8])
      assert.isTrue(Duration.equals(bigger.window, Duration.millis(500)))
    }))

  it.effect("XTR_FRESHNESS: 2 minutes live, 15 upcoming; XTR_FRESHNESS sets both, XTR_FRESHNESS_<SOURCE> one", () =>
    Effect.gen(function*() {
      const minutes = (cfg: { freshness: { live: Duration.Duration; upcoming: Duration.Duration } }) =>
        [Duration.toMinutes(cfg.freshness.live), Duration.toMinutes(cfg.freshness.upcoming)]
      assert.deepStrictEqual(minutes(yield* parse({})), [2, 15])
      assert.deepStrictEqual(minutes(yield* parse({ XTR_FRESHNESS: "3 minutes" })), [3, 3])
      assert.deepStrictEqual(minutes(yield* parse({ XTR_FRESHNESS: "3 minutes", XTR_FRESHNESS_UPCOMING: "20 minutes" })), [3, 20])
      assert.deepStrictEqual(minutes(yield* parse({ XTR_FRESHNESS_LIVE: "1 minute" })), [1, 15])
    }))
})

/** The built entry point; `npm test` builds before running the tests. */
const main = "dist/main.js"
const ensureBuilt = () => {
  if (!existsSync(main)) execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"])
}

const runWorker = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [main, "worker"],
      // Nothing inherited: only the variables under test (and no Redis, so a valid config would hang, not pass).
      { env: { PATH: process.env["PATH"] ?? "", ...env }, timeout: 20_000 },
      (error, _stdout, stderr) => resolve({ code: error === null ? 0 : (error as { code?: number }).code ?? null, stderr })
    )
  })

const base = { STREAM: "XTR-BTTS_live_stream", XTRTYPE: "btts-worker" }

describe("node dist/main.js worker with a bad environment", () => {
  const cases: ReadonlyArray<readonly [variable: string, env: Record<string, string>]> = [
    ["STREAM", { XTRTYPE: "btts-worker" }],
    ["STREAM", { STREAM: "", XTRTYPE: "btts-worker" }],
    ["XTRTYPE", { STREAM: "XTR-BTTS_live_stream" }],
    ["XTR_BATCH", { ...base, XTR_BATCH: "0" }],
    ["XTR_BATCH", { ...base, XTR_BATCH: "three" }],
    ["XTR_WINDOW", { ...base, XTR_WINDOW: "soon" }],
    ["XTR_FRESHNESS_UPCOMING", { ...base, XTR_FRESHNESS_UPCOMING: "0 seconds" }],
    ["XTR_CONCURRENCY", { ...base, XTR_CONCURRENCY: "-2" }],
    ["MATCH_MIN_BTTS", { ...base, MATCH_MIN_BTTS: "1.5" }],
    ["XTR_CLAIM_IDLE", { ...base, XTR_CLAIM_IDLE: "1 second" }],
    ["XTR_EXTRACTORS", { ...base, XTR_EXTRACTORS: "ftp" }],
    ["REDIS_URL", { ...base, REDIS_URL: "http://127.0.0.1:6379" }]
  ]

  it("prints one line naming the variable and exits 2", async () => {
    ensureBuilt()
    const results = await Promise.all(cases.map(([, env]) => runWorker(env)))
    results.forEach(({ code, stderr }, n) => {
      const [variable, env] = cases[n]!
      const lines = stderr.trim().split("\n")
      assert.strictEqual(lines.length, 1, `${JSON.stringify(env)}: ${stderr}`)
      assert.match(lines[0]!, new RegExp(`^config error: ${variable}: \\S`), JSON.stringify(env))
      assert.strictEqual(code, 2, JSON.stringify(env))
    })
    // The URL is never echoed, even when invalid.
    assert.notInclude(results.at(-1)!.stderr, "127.0.0.1")
  }, 60_000)
})
