// The `start` command end to end, as `node dist/main.js start` runs it: JSON lines, the summary when stdout is
// not a terminal, a clean stop on --duration and on SIGTERM, and one-line errors for bad flags and settings.
import { assert, describe, it } from "@effect/vitest"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const script = fileURLToPath(new URL("../../src/cli/start.ts", import.meta.url))

/** The caller's settings must not leak in (a REDIS_URL or BOOKIE_*_URL would change what runs). */
const ownPrefixes = /^(REDIS|BOOKIE|SIM|SCHED|XTR|DETECT|PRICE|START|RESOLVER|MATCH)_|^STREAM$|^XTRTYPE$/
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ownPrefixes.test(k)))

interface Run {
  readonly status: number | null
  readonly out: string
  readonly err: string
}

/** Runs `start`; `stopWhen` sends SIGTERM once stdout matches it. */
const start = (args: ReadonlyArray<string>, env: Record<string, string> = {}, stopWhen?: RegExp) =>
  new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [script, "start", ...args], { env: { ...baseEnv, ...env } })
    let out = ""
    let err = ""
    const killer = setTimeout(() => child.kill("SIGKILL"), 40_000)
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk
      if (stopWhen?.test(out)) child.kill("SIGTERM")
    })
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
    child.on("error", reject)
    child.on("close", (status) => {
      clearTimeout(killer)
      resolve({ status, out, err })
    })
  })

const lines = (text: string) => text.split("\n").filter((l) => l !== "")

const quick = { SIM_MISPRICINGS: "3", SCHED_UPCOMING_EVERY: "5 seconds", SCHED_LIVE_EVERY: "2 seconds" }

describe("start command", () => {
  it("--json --duration: only JSON event lines on stdout, the injected arbitrages among them, exit 0", async () => {
    const run = await start(["--json", "--duration", "8s", "--seed", "cli-test"], quick)
    assert.strictEqual(run.status, 0, run.err)
    const events = lines(run.out).map((l) => JSON.parse(l))
    assert.isTrue(events.length > 0, "no events")
    for (const e of events) {
      assert.includeMembers(["new", "updated", "gone"], [e.event])
      assert.includeMembers(["arbitrage", "value"], [e.kind])
      assert.isTrue(e.legs.length > 0 && e.legs.every((l: { event_id?: string; price: number }) => l.event_id && l.price > 1))
    }
    const arbitrages = new Set(events.filter((e) => e.kind === "arbitrage" && e.event === "new").map((e) => e.fixture))
    assert.strictEqual(arbitrages.size, 3)
    assert.match(run.err, /seed cli-test, 3 injected/) // the world the flag asked for
    assert.match(run.err, /^\[00:0\d\] active \d+ · events \d+ new/m) // the final summary, on stderr
  }, 60_000)

  it("without a terminal: a summary every START_SUMMARY_EVERY; SIGTERM stops every part cleanly with exit 0", async () => {
    const run = await start([], { ...quick, START_SUMMARY_EVERY: "1 second" }, /\[00:0[2-9]\] active/)
    assert.strictEqual(run.status, 0, run.err)
    const summaries = lines(run.out).filter((l) => l.startsWith("["))
    assert.isTrue(summaries.length >= 2, run.out)
    assert.match(summaries[0]!, /^\[00:0\d\] active \d+ · events \d+ new · \d+ updated · \d+ gone · jobs \d+ done/)
    assert.match(run.err, /worker stopped/)
  }, 60_000)

  it("a bad flag or setting: one line naming it on stderr, nothing on stdout, non-zero exit", async () => {
    const flag = await start(["--duration", "soon"])
    assert.notStrictEqual(flag.status, 0)
    assert.strictEqual(flag.out, "")
    assert.match(flag.err, /--duration: "soon"/)
    const setting = await start(["--duration", "5s"], { SCHED_LIVE_EVERY: "often" })
    assert.strictEqual(setting.status, 2)
    assert.strictEqual(setting.out, "")
    assert.match(setting.err, /^config error: SCHED_LIVE_EVERY: /m)
  }, 60_000)
})
