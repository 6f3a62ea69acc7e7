// Reading --cpu-prof profiles: self time by place, and two profiles of the same jobs side by side per job.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { perJobAgainst, summariseProfile } from "../../bench/lib/profile.ts"

const dir = mkdtempSync(join(tmpdir(), "profile-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cwd = process.cwd()
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 })

/** A profile whose samples are `[node id, µs]` pairs over these frames. */
const writeProfile = (name: string, frames: ReadonlyArray<ReturnType<typeof frame>>, samples: ReadonlyArray<readonly [number, number]>) => {
  const file = join(dir, `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify({
    nodes: frames.map((callFrame, i) => ({ id: i + 1, callFrame })),
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, us]) => us)
  }))
  return file
}

describe("summariseProfile", () => {
  it("sums self time by package, our folders (built or source) as dist/…, V8's own entries apart", () => {
    const file = writeProfile("worker", [
      frame("fold", `file://${cwd}/dist/matching/fold.js`),
      frame("listingOf", `file://${cwd}/src/bookmakers/synthetic/book.ts`),
      frame("runLoop", `file://${cwd}/node_modules/effect/dist/internal/effect.js`),
      frame("(garbage collector)", ""),
      frame("(idle)", "")
    ], [[1, 300], [2, 200], [3, 1000], [4, 500], [5, 1000], [1, 700]])
    const summary = summariseProfile(file)
    assert.strictEqual(summary.totalMs, 3.7)
    assert.deepStrictEqual(summary.byPackage.map((b) => [b.where, b.ms]), [
      ["dist/matching", 1],
      ["effect", 1],
      ["(idle)", 1],
      ["(garbage collector)", 0.5],
      ["dist/bookmakers", 0.2]
    ])
    assert.strictEqual(summary.hot[0]!.fn, "fold")
    assert.closeTo(summary.byPackage[0]!.percent, 100 / 3.7, 1e-9)
  })
})

describe("perJobAgainst", () => {
  const of = (entries: ReadonlyArray<readonly [string, number]>) => ({
    byPackage: entries.map(([where, ms]) => ({ where, ms, percent: 0 }))
  })

  it("gives each place's time per job in both, the largest excess first, idle left out", () => {
    const worker = of([["effect", 200], ["(garbage collector)", 150], ["ioredis", 100], ["(idle)", 500]])
    const reference = of([["(garbage collector)", 50], ["ioredis", 120], ["bench/reference.ts", 80], ["(idle)", 900]])
    assert.deepStrictEqual(perJobAgainst(worker, reference, 1000), [
      { where: "effect", us: 200, referenceUs: 0 },
      { where: "(garbage collector)", us: 150, referenceUs: 50 },
      { where: "ioredis", us: 100, referenceUs: 120 },
      { where: "bench/reference.ts", us: 0, referenceUs: 80 }
    ])
  })
})
