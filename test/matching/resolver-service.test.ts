// The FixtureResolver layer: configuration, user alias files, concurrent batches, live and upcoming, eviction.
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { assert, describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Bookmaker } from "../../src/domain/Market.ts"
import { FixtureResolver } from "../../src/matching/FixtureResolver.ts"
import { defaultSettings } from "../../src/matching/resolver/ResolverConfig.ts"

const resolverWith = (env: Record<string, string> = {}) =>
  FixtureResolver.layer.pipe(
    Layer.provide([NodeFileSystem.layer, ConfigProvider.layer(ConfigProvider.fromEnv({ env }))]),
    Layer.fresh
  )

const entry = (bookmaker: Bookmaker, home: string, away: string, kickoff: string) => ({
  bookmaker,
  listing: { home, away, kickoff }
})

const aliasFile = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "resolver-")), "aliases.json")
  writeFileSync(path, content)
  return path
}

describe("FixtureResolver.layer", () => {
  it.effect("resolves a batch in order, one key per fixture across bookmakers", () =>
    Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      const out = yield* resolver.resolve("upcoming", [
        entry("BookieAlpha", "Man Utd", "Spurs", "2025-03-01T15:00:00Z"),
        entry("BookieBeta", "Everton", "Fulham", "2025-03-01T12:30:00Z"),
        entry("BookieGamma", "Manchester United", "Tottenham Hotspur FC", "2025-03-01T15:02:00Z"),
        entry("BookieDelta", "Everton FC", "Fulham FC", "2025-03-01T12:30:00Z")
      ])
      expect(out.map((r) => r.key)).toEqual([
        "2025-03-01:manchester-united~tottenham-hotspur",
        "2025-03-01:everton~fulham",
        "2025-03-01:manchester-united~tottenham-hotspur",
        "2025-03-01:everton~fulham"
      ])
    }).pipe(Effect.provide(resolverWith())))

  it.effect("live listings land on the fixture their upcoming listings created", () =>
    Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      const [upcoming] = yield* resolver.resolve("upcoming", [entry("BookieAlpha", "Crawley Town", "Gillingham", "2025-03-01T15:00:00Z")])
      const live = yield* resolver.resolve("live", [
        entry("BookieAlpha", "Crawley Town", "Gillingham", "2025-03-01T15:00:00Z"),
        entry("BookieBeta", "Crawley", "Gillingham FC", "2025-03-01T15:04:00Z")
      ])
      expect(live.map((r) => r.key)).toEqual([upcoming!.key, upcoming!.key])
    }).pipe(Effect.provide(resolverWith())))

  it.effect("concurrent batches share one index and agree on every key", () =>
    Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      const teams = Array.from({ length: 40 }, (_, i) => [`Homeside${i} Town`, `Awayside${i} Rovers`] as const)
      const books: ReadonlyArray<Bookmaker> = ["BookieAlpha", "BookieBeta", "BookieGamma", "BookieDelta"]
      // Each bookmaker polls its slate in small batches, all at once; each names clubs its own way.
      const batches = books.flatMap((book, b) =>
        Array.from({ length: 8 }, (_, chunk) =>
          teams.slice(chunk * 5, chunk * 5 + 5).map(([home, away], i) =>
            entry(book, b % 2 === 0 ? home : `${home} FC`, b < 2 ? away : `${away} AFC`, `2025-03-01T${10 + ((chunk * 5 + i) % 10)}:0${b}:00Z`)
          )
        )
      )
      const results = yield* Effect.forEach(batches, (batch) => resolver.resolve("upcoming", batch), { concurrency: "unbounded" })
      const keyOf = new Map<string, Set<string>>()
      batches.forEach((batch, i) =>
        batch.forEach((e, j) => {
          const fixture = e.listing.home.replace(" FC", "")
          const keys = keyOf.get(fixture) ?? new Set()
          keys.add(results[i]![j]!.key)
          keyOf.set(fixture, keys)
        })
      )
      expect(keyOf.size).toBe(40)
      for (const keys of keyOf.values()) expect(keys.size).toBe(1)
      expect(new Set([...keyOf.values()].map((k) => [...k][0])).size).toBe(40)
    }).pipe(Effect.provide(resolverWith())))

  it.effect("forgets fixtures past the retention, by the clock", () =>
    Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      yield* TestClock.setTime(Date.parse("2025-03-01T10:00:00Z"))
      const [first] = yield* resolver.resolve("upcoming", [entry("BookieAlpha", "Everton", "Fulham", "2025-03-01T10:00:00Z")])
      // Same names 10 h later: a different fixture, so it needs a suffix while the first is remembered…
      const [second] = yield* resolver.resolve("upcoming", [entry("BookieAlpha", "Everton", "Fulham", "2025-03-01T20:00:00Z")])
      expect(second!.key).toBe(`${first!.key}#2`)
      // Once the first is swept, the second keeps its key and the first's is free again.
      yield* TestClock.adjust(defaultSettings.retention + 60_000)
      const [third] = yield* resolver.resolve("upcoming", [entry("BookieBeta", "Everton FC", "Fulham FC", "2025-03-01T20:05:00Z")])
      expect(third!.key).toBe(second!.key)
      // (Hours from both: without the sweep this would be a third fixture, "#3".)
      const [fourth] = yield* resolver.resolve("upcoming", [entry("BookieGamma", "Everton", "Fulham", "2025-03-01T16:00:00Z")])
      expect(fourth!.key).toBe(first!.key)
    }).pipe(Effect.provide(resolverWith())))

  it.effect("settings come from the environment", () =>
    Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      const out = yield* resolver.resolve("upcoming", [
        entry("BookieAlpha", "Crawley Town", "Gillingham", "2025-03-01T15:00:00Z"),
        entry("BookieBeta", "Crawley", "Gillingham FC", "2025-03-01T15:20:00Z")
      ])
      // A 10-minute window: 20 minutes apart is too far for a fuzzy join.
      assert.notStrictEqual(out[0]!.key, out[1]!.key)
    }).pipe(Effect.provide(resolverWith({ RESOLVER_KICKOFF_WINDOW: "10 minutes" }))))
})

describe("user alias files (RESOLVER_ALIASES)", () => {
  it.effect("extend the shipped table without code", () => {
    const path = aliasFile(JSON.stringify({ teams: { "Crawley Town": ["The Red Devils of Sussex"] } }))
    return Effect.gen(function*() {
      const resolver = yield* FixtureResolver
      const out = yield* resolver.resolve("upcoming", [
        entry("BookieAlpha", "Crawley Town", "Gillingham", "2025-03-01T15:00:00Z"),
        entry("BookieBeta", "The Red Devils of Sussex", "Gillingham", "2025-03-01T15:00:00Z"),
        entry("BookieGamma", "Spurs", "Chelsea", "2025-03-01T17:30:00Z"),
        entry("BookieDelta", "Tottenham Hotspur", "Chelsea", "2025-03-01T17:30:00Z")
      ])
      expect(out.map((r) => r.key)).toEqual([
        "2025-03-01:crawley-town~gillingham",
        "2025-03-01:crawley-town~gillingham",
        "2025-03-01:tottenham-hotspur~chelsea",
        "2025-03-01:tottenham-hotspur~chelsea"
      ])
    }).pipe(Effect.provide(resolverWith({ RESOLVER_ALIASES: path })))
  })

  const failure = (content: string | undefined) =>
    Effect.gen(function*() {
      const path = content === undefined ? "/nonexistent/aliases.json" : aliasFile(content)
      const error = yield* Layer.build(resolverWith({ RESOLVER_ALIASES: path })).pipe(Effect.flip)
      assert.strictEqual(error._tag, "AliasTableInvalid")
      if (error._tag === "AliasTableInvalid") assert.strictEqual(error.path, path)
      return error.message
    })

  it.effect("a file that is not valid JSON is a clear error", () =>
    Effect.gen(function*() {
      expect(yield* failure("{ teams: ")).toMatch(/JSON/)
    }))

  it.effect("a file of the wrong shape names the place", () =>
    Effect.gen(function*() {
      expect(yield* failure(JSON.stringify({ teams: { "Crawley Town": "Crawley" } }))).toMatch(/\["teams"\]\["Crawley Town"\]/)
      expect(yield* failure(JSON.stringify({ clubs: {} }))).toMatch(/Missing key.*teams/)
    }))

  it.effect("a name claimed by two clubs names both", () =>
    Effect.gen(function*() {
      expect(yield* failure(JSON.stringify({ teams: { "Crawley Town": ["Spurs"] } }))).toBe(
        `teams: "Spurs" is listed under both "Tottenham Hotspur" and "Crawley Town"`
      )
    }))

  it.effect("a word entry must be one word", () =>
    Effect.gen(function*() {
      expect(yield* failure(JSON.stringify({ teams: {}, words: { united: ["u t d"] } }))).toMatch(/not a single word/)
    }))

  it.effect("a missing file is a clear error", () =>
    Effect.gen(function*() {
      expect(yield* failure(undefined)).toMatch(/cannot read/)
    }))
})
