// XTR_HEAP_*: the settings, the growth factor that bounds the young generation, that the bound really holds
// in a running process (V8 ignores most heap flags set after start), and the command's one-line error.
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { describeConfigError } from "../../src/cli/run.ts"
import { heapConfig } from "../../src/config/HeapConfig.ts"
import { youngGrowthFactor } from "../../src/runtime/heapFlags.ts"

const parse = (env: Record<string, string>) => heapConfig.parse(ConfigProvider.fromEnv({ env }))

interface Run {
  readonly status: number | null
  readonly out: string
  readonly err: string
}

const node = (args: ReadonlyArray<string>, env: Record<string, string>) =>
  new Promise<Run>((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("XTR_")))
    execFile(process.execPath, [...args], { env: { ...clean, ...env }, timeout: 60_000 }, (error, out, err) =>
      resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : null, out, err }))
  })

const child = fileURLToPath(new URL("./youngGenerationChild.ts", import.meta.url))
const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url))

describe("heap settings", () => {
  it.effect("defaults: young generation up to 16 MiB, old generation +100 % between full GCs; 0 = V8's own", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* parse({}), { youngMiB: 16, oldGrowthPercent: 100 })
      assert.deepStrictEqual(yield* parse({ XTR_HEAP_YOUNG_MB: "0", XTR_HEAP_GROWTH: "0" }), { youngMiB: 0, oldGrowthPercent: 0 })
      assert.deepStrictEqual(yield* parse({ XTR_HEAP_YOUNG_MB: "64", XTR_HEAP_GROWTH: "30" }), { youngMiB: 64, oldGrowthPercent: 30 })
    }))

  it.effect("an invalid value fails naming its variable", () =>
    Effect.gen(function*() {
      const bad = [["XTR_HEAP_GROWTH", "-1"], ["XTR_HEAP_GROWTH", "lots"], ["XTR_HEAP_YOUNG_MB", "12"], ["XTR_HEAP_YOUNG_MB", "1"]] as const
      for (const [name, value] of bad) {
        const error = yield* Effect.flip(parse({ [name]: value }))
        assert.match(describeConfigError(error), new RegExp(`^${name}: `))
      }
    }))

  it("the young generation doubles while under its bound, not once there; without a bound always", () => {
    assert.deepStrictEqual([youngGrowthFactor(2, 16), youngGrowthFactor(8, 16), youngGrowthFactor(16, 16), youngGrowthFactor(32, 16)], [2, 2, 1, 1])
    assert.strictEqual(youngGrowthFactor(128, 0), 2)
  })

  it("set at run time, the bound holds V8's young generation at it; V8's own growth goes past it", async () => {
    const youngMiB = async (bound: string) => {
      const run = await node([child], { XTR_HEAP_YOUNG_MB: bound })
      assert.strictEqual(run.status, 0, run.err)
      return (JSON.parse(run.out) as { youngMiB: number }).youngMiB
    }
    assert.strictEqual(await youngMiB("4"), 4) // grown from 2 MiB to the bound, and no further
    assert.isAbove(await youngMiB("0"), 16)
  }, 60_000)

  it("a command with a bad XTR_HEAP_* prints one line naming it and exits 2", async () => {
    const run = await node([main, "worker"], { XTR_HEAP_GROWTH: "lots", STREAM: "s", XTRTYPE: "t" })
    assert.strictEqual(run.status, 2)
    assert.match(run.err, /^config error: XTR_HEAP_GROWTH: /m)
  }, 60_000)
})
