// The `resolve` command: JSON lines in, one key per line out, per-batch indexes, bad lines reported.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Sink, Stdio, Stream } from "effect"
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { resolveCommand } from "../../src/matching/resolver/audit.ts"

const line = (fields: Record<string, unknown>) => JSON.stringify(fields)
const input = [
  line({ bookmaker: "BookieAlpha", home: "Man Utd", away: "Spurs", kickoff: "2025-03-01T15:00:00Z", league: "EPL", batch: 1 }),
  line({ bookmaker: "BookieBeta", home: "Manchester United FC", away: "Tottenham Hotspur", kickoff: "2025-03-01T15:03:00Z", league: "Premier League", batch: 1 }),
  "not json",
  "",
  line({ bookmaker: "BookieGamma", home: "Man Utd", away: "Spurs", kickoff: "yesterday", batch: 1 }),
  line({ bookmaker: "BookieBeta", home: "Bristol Rovers", away: "Newport County", kickoff: "2025-03-01T15:00:00Z", batch: "b" }),
  line({ bookmaker: "BookieAlpha", home: "Bristol City", away: "Newport County", kickoff: "2025-03-01T15:00:00Z", batch: "b" }),
  line({ bookmaker: "BookieDelta", home: "Bristol", away: "Newport County", kickoff: "2025-03-01T15:00:00Z", batch: "b" }),
  line({ bookmaker: "BookieDelta", home: "Man United", away: "Tottenham", kickoff: "2025-03-01T15:00:00Z", batch: "b" }),
  line({ bookmaker: "BookieDelta", home: "Man United", away: "Tottenham", kickoff: "2025-03-01T15:00:00Z" })
].join("\n") + "\n"

const run = (text: string) => {
  const stdout: Array<string> = []
  const stderr: Array<string> = []
  const collect = (into: Array<string>) => () =>
    Sink.forEach((chunk: string | Uint8Array) => Effect.sync(() => into.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk))))
  const stdio = Stdio.layerTest({
    // Split mid-line on purpose: lines may straddle chunks.
    stdin: Stream.fromIterable([text.slice(0, 50), text.slice(50)].map((s) => new TextEncoder().encode(s))),
    stdout: collect(stdout),
    stderr: collect(stderr)
  })
  return resolveCommand.pipe(
    Effect.map(({ bad }) => ({ bad, stdout: stdout.join("").split("\n").filter((l) => l !== ""), stderr: stderr.join("") })),
    Effect.provide(Layer.mergeAll(stdio, NodeFileSystem.layer, ConfigProvider.layer(ConfigProvider.fromEnv({ env: {} }))))
  )
}

describe("resolve command", () => {
  it.effect("prints one line per input listing, in order", () =>
    Effect.gen(function*() {
      const { bad, stderr, stdout } = yield* run(input)
      const out = stdout.map((l) => JSON.parse(l))
      expect(out).toHaveLength(9)
      expect(out[0]).toEqual({ key: "2025-03-01:manchester-united~tottenham-hotspur" })
      expect(out[1]).toEqual(out[0])
      expect(out[2].error).toMatch(/^line 3: /)
      expect(out[3].error).toMatch(/^line 5: .*ISO-8601/)
      expect(bad).toBe(2)
      expect(stderr).toMatch(/^line 3: .*\nline 5: .*\["kickoff"\]\n$/)
    }))

  it.effect("resolves each batch on its own and reports ambiguous listings with candidates", () =>
    Effect.gen(function*() {
      const out = (yield* run(input)).stdout.map((l) => JSON.parse(l))
      const [rovers, city, vague, sameNamesOtherBatch, noBatch] = out.slice(4)
      expect(rovers.key).toBe("2025-03-01:bristol-rovers~newport-county")
      expect(city.key).toBe("2025-03-01:bristol-city~newport-county")
      expect(vague.unmatched.reason).toMatch(/^ambiguous/)
      expect(vague.unmatched.candidates.map((c: { key: string }) => c.key).sort()).toEqual([city.key, rovers.key])
      // Same fixture as batch 1's, but batches never see each other: the key is its own fixture's, not a join.
      expect(sameNamesOtherBatch).toEqual({ key: "2025-03-01:manchester-united~tottenham-hotspur" })
      expect(noBatch).toEqual({ key: "2025-03-01:manchester-united~tottenham-hotspur" })
    }))

  it("runs as a command: exit code 1 after bad lines, 0 otherwise", () => {
    const script = fileURLToPath(new URL("../../src/cli/resolve.ts", import.meta.url))
    const bad = spawnSync(process.execPath, [script], { input, encoding: "utf8" })
    expect(bad.status).toBe(1)
    expect(bad.stdout.trim().split("\n")).toHaveLength(9)
    expect(bad.stderr).toMatch(/line 3: /)
    const good = spawnSync(process.execPath, [script], { input: input.split("\n").slice(0, 2).join("\n"), encoding: "utf8" })
    expect(good.status).toBe(0)
    expect(good.stdout).toBe(`${JSON.stringify({ key: "2025-03-01:manchester-united~tottenham-hotspur" })}\n`.repeat(2))
  })

  it("a bad RESOLVER_ALIASES file stops the command with a clear message", () => {
    const script = fileURLToPath(new URL("../../src/cli/resolve.ts", import.meta.url))
    const run = spawnSync(process.execPath, [script], {
      input,
      encoding: "utf8",
      env: { ...process.env, RESOLVER_ALIASES: "/nonexistent/aliases.json" }
    })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toMatch(/^alias table error: \/nonexistent\/aliases\.json: cannot read/)
  })
})
