// The reading of the worker's --trace-gc-nvp output that the benchmark prints beside the worker's profile.
import { assert, describe, it } from "@effect/vitest"
import { describeGc, parseGcTrace, summariseGc } from "../../bench/lib/gcTrace.ts"

// Lines as Node 24 prints them (cut short: the parser reads only pause, gc and allocated), among log lines.
const trace = [
  `timestamp=2026-11-28T18:20:13.538Z level=INFO fiber=#1 message="worker starting"`,
  `[8665:0x4682f000:0]       34 ms: pause=0.7 mutator=29.8 gc=s reduce_memory=0 allocated=1048576 promoted=1000`,
  `[8665:0x4682f000:0]      147 ms: pause=1.5 mutator=8.5 gc=mc reduce_memory=0 allocated=2097152`,
  `[8665:0x4682f000:0]     1000 ms: pause=2.5 mutator=20.0 gc=s allocated=4194304`,
  `[8665:0x4682f000:0]     1500 ms: pause=1.5 mutator=20.0 gc=s allocated=4194304`,
  `[8665:0x4682f000:0]     1800 ms: pause=9.0 mutator=20.0 gc=mc allocated=1048576`,
  `[8665:0x4682f000:0]     1900 ms: pause=0.5 mutator=20.0 gc=s allocated=1048576`,
  `[8665:0x4682f000:0]     2000 ms: pause=not-a-number gc=s`,
  `[8665:0x4682f000]      2100 ms: Scavenge 8.8 (10.8) -> 8.5 (11.3) MB` // --trace-gc, not -nvp
].join("\n")

describe("GC trace", () => {
  it("reads the collections and skips every other line", () => {
    const events = parseGcTrace(trace)
    assert.deepStrictEqual(events.map((e) => [e.atMs, e.kind, e.pauseMs]), [
      [34, "scavenge", 0.7],
      [147, "mark-compact", 1.5],
      [1000, "scavenge", 2.5],
      [1500, "scavenge", 1.5],
      [1800, "mark-compact", 9],
      [1900, "scavenge", 0.5]
    ])
    assert.strictEqual(events[0]!.allocatedBytes, 1048576)
  })

  it("sums up the collections that ended within a phase", () => {
    const s = summariseGc(parseGcTrace(trace), { fromMs: 1000, toMs: 2000 }, 40)
    assert.strictEqual(s.scavenges, 3)
    assert.strictEqual(s.scavengePauseMedianMs, 1.5)
    assert.strictEqual(s.scavengePauseMaxMs, 2.5)
    assert.strictEqual(s.markCompacts, 1)
    assert.strictEqual(s.markCompactPauseMaxMs, 9)
    assert.closeTo(s.pausedPercent, (100 * (2.5 + 1.5 + 9 + 0.5)) / 1000, 1e-9)
    assert.strictEqual(s.allocatedKiBPerJob, (4 + 4 + 1 + 1) * 1024 / 40)
    assert.strictEqual(s.seconds, 1)
    assert.include(describeGc(s), "scavenges: 3 (pause median 1.5 ms, max 2.5)")
  })

  it("says nothing happened in a phase without collections", () => {
    const s = summariseGc(parseGcTrace(trace), { fromMs: 3000, toMs: 4000 }, 10)
    assert.deepStrictEqual([s.scavenges, s.markCompacts, s.scavengePauseMedianMs, s.scavengePauseMaxMs, s.pausedPercent, s.allocatedKiBPerJob], [0, 0, 0, 0, 0, 0])
  })
})
