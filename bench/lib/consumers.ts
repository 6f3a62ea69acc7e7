// Runs consumer processes (the real worker, or the reference loop) against a pre-filled stream and
// measures the drain from outside: XINFO GROUPS for progress, /proc for CPU and memory, INFO for Redis.
import { type ChildProcess, spawn } from "node:child_process"
import { closeSync, openSync } from "node:fs"
import type { Redis } from "ioredis"
import { cpuMicros, peakRssBytes } from "./proc.ts"
import { type CounterDelta, delta, snapshot } from "./redisInfo.ts"

export interface ConsumerSpec {
  /** Arguments to `node` (the same binary that runs the benchmark). */
  readonly args: ReadonlyArray<string>
  readonly env: Readonly<Record<string, string>>
  readonly processes: number
  /** Where each process's stdout/stderr go (one file per process: `<logPrefix>.<i>.log`). */
  readonly logPrefix: string
}

export interface Consumers {
  readonly pids: ReadonlyArray<number>
  /** SIGTERM, then wait for every exit (SIGKILL after `graceMs`); the exit codes. */
  readonly stop: (graceMs?: number) => Promise<ReadonlyArray<number | string>>
  /** Fails when a process exits on its own before `stop`. */
  readonly assertAlive: () => void
  /** Waits for the (single) process to exit on its own; its exit code. Rejects after `timeoutMs`. */
  readonly exited: (timeoutMs: number) => Promise<number | string>
}

const exited = (child: ChildProcess) =>
  new Promise<number | string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? child.signalCode!)
    else child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"))
  })

// Children still running when the benchmark exits (an error, Ctrl-C) are killed with it.
const running = new Set<ChildProcess>()
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL")
})

export const startConsumers = (spec: ConsumerSpec): Consumers => {
  const children = Array.from({ length: spec.processes }, (_, i) => {
    const log = openSync(`${spec.logPrefix}.${i}.log`, "w")
    const child = spawn(process.execPath, [...spec.args], {
      env: { ...process.env, ...spec.env },
      stdio: ["ignore", log, log]
    })
    closeSync(log)
    running.add(child)
    child.once("exit", () => running.delete(child))
    return child
  })
  let stopping = false
  return {
    pids: children.map((c) => c.pid!),
    assertAlive: () => {
      const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null)
      if (!stopping && dead !== undefined) {
        throw new Error(`consumer ${dead.pid} exited early (${dead.exitCode ?? dead.signalCode}); see ${spec.logPrefix}.*.log`)
      }
    },
    exited: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${spec.args.join(" ")} still running after ${timeoutMs} ms`)), timeoutMs)
        void exited(children[0]!).then((code) => {
          clearTimeout(timer)
          resolve(code)
        })
      }),
    stop: async (graceMs = 15_000) => {
      stopping = true
      for (const c of children) c.kill("SIGTERM")
      const killer = setTimeout(() => children.forEach((c) => c.kill("SIGKILL")), graceMs)
      const codes = await Promise.all(children.map(exited))
      clearTimeout(killer)
      return codes
    }
  }
}

interface GroupState {
  readonly entriesRead: number
  readonly pending: number
  readonly lag: number
}

/** XINFO GROUPS (RESP2 shape: one flat [name, value, …] array per group). */
const groupState = async (redis: Redis, stream: string, group: string): Promise<GroupState> => {
  const groups = (await redis.call("XINFO", "GROUPS", stream)) as Array<Array<string | number | null>>
  for (const flat of groups) {
    const info = new Map<string, string | number | null>()
    for (let i = 0; i < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1] ?? null)
    if (info.get("name") === group) {
      return { entriesRead: Number(info.get("entries-read") ?? 0), pending: Number(info.get("pending")), lag: Number(info.get("lag") ?? Number.NaN) }
    }
  }
  return { entriesRead: 0, pending: 0, lag: Number.NaN }
}

export interface Drain {
  readonly jobs: number
  readonly seconds: number
  readonly jobsPerSec: number
  /** Summed over the consumer processes. */
  readonly consumerCpuMicrosPerJob: number
  readonly redisCpuMicrosPerJob: number
  readonly commandsPerJob: number
  /** Redis socket reads (total_reads_processed): about one per round trip, more for large pipelines. */
  readonly socketReadsPerJob: number
  readonly commands: Readonly<Record<string, number>>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `total` entries of the group are read and acknowledged (nothing pending, no lag). */
export const waitDrained = async (
  monitor: Redis,
  consumers: Consumers,
  stream: string,
  group: string,
  total: number,
  timeoutMs: number,
  onPoll: () => void = () => {}
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    consumers.assertAlive()
    onPoll()
    const state = await groupState(monitor, stream, group)
    if (state.entriesRead >= total && state.pending === 0 && state.lag === 0) return
    if (Date.now() > deadline) throw new Error(`${stream} not drained within ${timeoutMs} ms: ${JSON.stringify(state)}`)
    await sleep(5)
  }
}

/** Starts the drain; returns the commands it sent (command name, count), subtracted from Redis' counters. */
export type Kick = () => Promise<ReadonlyArray<readonly [string, number]>>

/**
 * Kicks the drain off, waits for the first delivery of the group, then until `total` entries are read and
 * acknowledged; measures that interval. The monitor's own commands are subtracted from Redis' counters.
 */
export const measureDrain = async (
  monitor: Redis,
  consumers: Consumers,
  stream: string,
  group: string,
  total: number,
  timeoutMs: number,
  kick: Kick
): Promise<Drain> => {
  const deadline = Date.now() + timeoutMs
  const before = await snapshot(monitor)
  const own = new Map<string, number>([["xinfo|groups", 0], ["info", 1], ...await kick()])
  const counted = () => own.set("xinfo|groups", own.get("xinfo|groups")! + 1)
  for (;;) {
    consumers.assertAlive()
    if (Date.now() > deadline) throw new Error(`no delivery on ${stream} within ${timeoutMs} ms`)
    counted()
    const state = await groupState(monitor, stream, group)
    if (state.entriesRead > 0 || state.pending > 0) break
    await sleep(2)
  }
  const t0 = performance.now()
  const cpu0 = consumers.pids.map(cpuMicros)
  await waitDrained(monitor, consumers, stream, group, total, deadline - Date.now(), counted)
  const seconds = (performance.now() - t0) / 1000
  const cpu1 = consumers.pids.map(cpuMicros)
  const after = await snapshot(monitor)
  const d: CounterDelta = delta(before, after, own)
  const consumerCpu = cpu1.reduce((sum, c, i) => sum + c - cpu0[i]!, 0)
  return {
    jobs: total,
    seconds,
    jobsPerSec: total / seconds,
    consumerCpuMicrosPerJob: consumerCpu / total,
    redisCpuMicrosPerJob: d.cpuMicros / total,
    commandsPerJob: d.totalCalls / total,
    socketReadsPerJob: d.reads / total,
    commands: Object.fromEntries([...d.calls].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / total]))
  }
}

export const peakRssMiB = (consumers: Consumers) => Math.max(...consumers.pids.map(peakRssBytes)) / (1024 * 1024)
