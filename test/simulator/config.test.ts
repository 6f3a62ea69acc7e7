// SIM_* settings decode with Schema (defaults, JSON fault knobs, a pinned anchor), and `simulate` runs as a
// command: it prints the bound port, serves, and exits 0 on SIGTERM.
import { spawn } from "node:child_process"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { simulatorOptions } from "../../src/simulator/SimulatorConfig.ts"

const parse = (env: Record<string, string>) => simulatorOptions.parse(ConfigProvider.fromEnv({ env }))

describe("simulator config", () => {
  it.effect("defaults to loopback, port 8700 and the default world", () =>
    Effect.gen(function*() {
      const options = yield* parse({})
      assert.deepStrictEqual(options, {
        host: "127.0.0.1",
        port: 8700,
        faults: {},
        world: { seed: "bookies", fixtures: 300, live: 12, mispricings: 5 }
      })
    }))

  it.effect("reads every SIM_ variable", () =>
    Effect.gen(function*() {
      const options = yield* parse({
        SIM_HOST: "::1", SIM_PORT: "0", SIM_SEED: "s", SIM_FIXTURES: "5000", SIM_LIVE: "0", SIM_MISPRICINGS: "9",
        SIM_ANCHOR: "2025-03-01T12:00:00Z", SIM_FAULTS: JSON.stringify({ global: { error: 0.1 }, bookmakers: { BookieDelta: { hang: 0.5 } } })
      })
      assert.deepStrictEqual(options, {
        host: "::1",
        port: 0,
        faults: { global: { error: 0.1 }, bookmakers: { BookieDelta: { hang: 0.5 } } },
        world: { seed: "s", fixtures: 5000, live: 0, mispricings: 9, anchor: new Date("2025-03-01T12:00:00Z") }
      })
    }))

  it.effect("refuses invalid values with a ConfigError naming the variable", () =>
    Effect.gen(function*() {
      for (const env of [{ SIM_PORT: "70000" }, { SIM_FIXTURES: "-1" }, { SIM_FAULTS: "{\"global\":{\"reset\":1.5}}" }, { SIM_FAULTS: "{" }, { SIM_ANCHOR: "yesterday" }]) {
        const error = yield* Effect.flip(parse(env))
        assert.strictEqual(error._tag, "ConfigError")
        assert.include(String(error), Object.keys(env)[0]!)
      }
    }))
})

describe("simulate command", () => {
  it("prints its port, serves /health and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["src/cli/simulate.ts"], {
      env: { ...process.env, SIM_PORT: "0", SIM_FIXTURES: "40", SIM_LIVE: "2" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 20_000)
        child.stdout.on("data", () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
          if (match !== null) {
            clearTimeout(timer)
            resolve(match[1]!)
          }
        })
      })
      const health = (await (await fetch(`${url}/health`)).json()) as { ok: boolean }
      assert.isTrue(health.ok)
    } finally {
      child.kill("SIGTERM")
    }
    assert.strictEqual(await exited, 0, output)
  })
})
