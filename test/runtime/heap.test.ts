// XTR_HEAP_*: the settings, the V8 flags they give, that the young-generation flag really takes effect in a
// running process (V8 ignores most heap flags set after start), and the command's one-line error for a bad one.
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { describeConfigError } from "../../src/cli/run.ts"
import { heapConfig } from "../../src/config/HeapConfig.ts"
import { heapFlags } from "../../src/runtime/heapFlags.ts"

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
  it.effect("defaults: young generation held at its initial size, old generation +100 % between full GCs", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(heapFlags(yield* parse({})), ["--semi-space-growth-factor=1", "--heap-growing-percent=100"])
      assert.deepStrictEqual(
        heapFlags(yield* parse({ XTR_HEAP_YOUNG_GROWTH: "2", XTR_HEAP_GROWTH: "0" })),
        ["--semi-space-growth-factor=2", "--heap-growing-percent=0"]
      )
    }))

  it.effect("an invalid value fails naming its variable", () =>
    Effect.gen(function*() {
      for (const [name, value] of [["XTR_HEAP_GROWTH", "-1"], ["XTR_HEAP_GROWTH", "lots"], ["XTR_HEAP_YOUNG_GROWTH", "0"]] as const) {
        const error = yield* Effect.flip(parse({ [name]: value }))
        assert.match(describeConfigError(error), new RegExp(`^${name}: `))
      }
    }))

  it("set at run time, the young-generation setting bounds V8's new space; V8's own growth does not", async () => {
    const youngMiB = async (growth: string) => {
      const run = await node([child], { XTR_HEAP_YOUNG_GROWTH: growth })
      assert.strictEqual(run.status, 0, run.err)
      return (JSON.parse(run.out) as { youngMiB: number }).youngMiB
    }
    assert.isAtMost(await youngMiB("1"), 2) // two 1 MiB semi-spaces
    assert.isAbove(await youngMiB("2"), 2)
  }, 60_000)

  it("a command with a bad XTR_HEAP_* prints one line naming it and exits 2", async () => {
    const run = await node([main, "worker"], { XTR_HEAP_GROWTH: "lots", STREAM: "s", XTRTYPE: "t" })
    assert.strictEqual(run.status, 2)
    assert.match(run.err, /^config error: XTR_HEAP_GROWTH: /m)
  }, 60_000)
})
