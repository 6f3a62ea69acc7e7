// The `price` command end to end: the module run by Node on sample stdin, as `node dist/main.js price` runs it.
import { assert, describe, it } from "@effect/vitest"
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

const script = fileURLToPath(new URL("../../src/cli/price.ts", import.meta.url))

const run = (input: ReadonlyArray<unknown>, args: ReadonlyArray<string> = [], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [script, "price", ...args], {
    input: input.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n",
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 20_000
  })
  return {
    status: result.status,
    out: result.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l)),
    err: result.stderr
  }
}

// Recorded a day ago: the quotes are judged against the newest fetched_at, not the clock.
const at = (seconds: number) => new Date(Date.parse("2024-03-02T15:00:00Z") + seconds * 1000).toISOString()
const q = (fixture: string, market: string, bookmaker: string, outcome: string, price: number, seconds = 0) =>
  ({ fixture, market, bookmaker, outcome, price, fetched_at: at(seconds) })

const sample = [
  // F1: three_way 2.10 / 3.60 / 4.20 across bookmakers, ROI 0.8 %, stakes 48 / 28 / 24.
  q("F1", "three_way", "BookieAlpha", "home", 2.1),
  q("F1", "three_way", "BookieBeta", "draw", 3.6),
  q("F1", "three_way", "BookieGamma", "away", 4.2),
  // F2: 1 vs X2, 2.2 and 2.0: ROI 1/21; X2 fetched 10 s later.
  q("F2", "three_way", "BookieAlpha", "home", 2.2),
  q("F2", "double_chance", "BookieDelta", "X2", 2.0, 10),
  // F3: an arbitrage whose away leg is 2 minutes older than the newest quote: stale.
  q("F3", "btts", "BookieAlpha", "yes", 2.1, -120),
  q("F3", "btts", "BookieBeta", "no", 2.05)
]

describe("price command", () => {
  it("prints one JSON line per opportunity and a summary on stderr", () => {
    const { status, out, err } = run(sample)
    assert.strictEqual(status, 0, err)
    assert.deepStrictEqual(out.map((o) => [o.kind, o.fixture]), [["arbitrage", "F1"], ["arbitrage", "F2"]])
    assert.approximately(out[0].roi, 0.008, 1e-12)
    assert.deepStrictEqual(out[0].legs.map((l: { bookmaker: string; market: string; outcome: string; price: number; stake: number }) =>
      [l.bookmaker, l.market, l.outcome, l.price, l.stake]
    ), [
      ["BookieAlpha", "three_way", "home", 2.1, 48],
      ["BookieBeta", "three_way", "draw", 3.6, 28],
      ["BookieGamma", "three_way", "away", 4.2, 24]
    ])
    assert.approximately(out[1].roi, 1 / 21, 1e-12)
    assert.deepStrictEqual(out[1].markets, ["three_way", "double_chance"])
    assert.include(err, "priced 7 quotes on 3 fixtures: 2 opportunities; rejected stale 1, suspended 0, spread 0, roi_cap 0")
  })

  it("reports each bad line with its number, prices the rest, and exits non-zero", () => {
    const { status, out, err } = run([
      sample[0],
      "{oops",
      sample[1],
      "",
      { ...sample[2], outcome: "yes" },
      sample[2]
    ])
    assert.strictEqual(status, 1)
    assert.strictEqual(out.length, 1)
    const lines = err.split("\n")
    assert.match(lines[0]!, /^line 2: .*JSON/)
    assert.match(lines[1]!, /^line 5: "yes" is not an outcome of three_way/)
    assert.include(err, "2 bad lines")
  })

  it("takes settings from flags, then PRICE_* variables", () => {
    const flagged = run(sample.slice(0, 3), ["--bankroll", "1000", "--unit", "1"])
    assert.deepStrictEqual(flagged.out[0].legs.map((l: { stake: number }) => l.stake), [480, 280, 240])
    const fromEnv = run(sample.slice(0, 3), [], { PRICE_BANKROLL: "1000", PRICE_UNIT: "1" })
    assert.deepStrictEqual(fromEnv.out[0].legs.map((l: { stake: number }) => l.stake), [480, 280, 240])
    // 5 % commission at BookieAlpha turns the 0.8 % arbitrage into a loss (2.045: Σ = 1.0049).
    assert.deepStrictEqual(run(sample.slice(0, 3), ["--commission", "BookieAlpha=0.05"]).out, [])
    // The stale F3 leg is fresh with a 3-minute limit (and a matching spread limit).
    assert.strictEqual(run(sample, ["--freshness", "3 minutes", "--max-spread", "180"]).out.length, 3)
  })

  it("refuses an invalid flag", () => {
    const { status, out, err } = run(sample, ["--devig", "magic"])
    assert.notStrictEqual(status, 0)
    assert.deepStrictEqual(out, [])
    assert.include(err, "--devig")
  })
})
