// Snapshots of Redis' own counters (INFO cpu, stats, commandstats), and the difference between two.
import type { Redis } from "ioredis"

export interface RedisCounters {
  /** used_cpu_user + used_cpu_sys of the server, in microseconds. */
  readonly cpuMicros: number
  /** total_reads_processed: socket reads, i.e. client round trips (a large pipeline may take a few). */
  readonly reads: number
  /** calls per command name (lower case, e.g. `xreadgroup`, `hset`). */
  readonly calls: ReadonlyMap<string, number>
}

export const parseInfo = (text: string): RedisCounters => {
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(text)?.[1] ?? Number.NaN)
  const calls = new Map<string, number>()
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1]!, Number(m[2]))
  return {
    cpuMicros: (field("used_cpu_user") + field("used_cpu_sys")) * 1e6,
    reads: field("total_reads_processed"),
    calls
  }
}

/** One INFO command (one round trip): Redis ≥ 7 accepts several sections at once. */
export const snapshot = async (redis: Redis): Promise<RedisCounters> =>
  parseInfo(await redis.info("cpu", "stats", "commandstats"))

export interface CounterDelta {
  readonly cpuMicros: number
  readonly reads: number
  readonly calls: ReadonlyMap<string, number>
  readonly totalCalls: number
}

/**
 * after − before, minus what the benchmark itself sent in between (`own`: command name → count, and one
 * socket read per own command), so the figures are the consumer's alone.
 */
export const delta = (before: RedisCounters, after: RedisCounters, own: ReadonlyMap<string, number>): CounterDelta => {
  const calls = new Map<string, number>()
  for (const [name, n] of after.calls) {
    const d = n - (before.calls.get(name) ?? 0) - (own.get(name) ?? 0)
    if (d > 0) calls.set(name, d)
  }
  const ownTotal = [...own.values()].reduce((a, b) => a + b, 0)
  return {
    cpuMicros: after.cpuMicros - before.cpuMicros,
    reads: after.reads - before.reads - ownTotal,
    calls,
    totalCalls: [...calls.values()].reduce((a, b) => a + b, 0)
  }
}
