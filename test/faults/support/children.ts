// The processes under test: `node dist/main.js <command>` children (worker, detector) with their output kept
// for assertions and their memory sampled from /proc. Every child is registered, so a failing scenario can
// kill what it started (`killAll` in afterEach) and nothing outlives the test process.
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))
const mainJs = join(repoRoot, "dist", "main.js")

export interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  /** Epoch ms of the exit. */
  readonly at: number
}

export interface Child {
  readonly name: string
  readonly pid: number
  /** Everything the child wrote to stdout and stderr so far (the last 4 MB). */
  readonly output: () => string
  /** Resolves when the child exits. */
  readonly exited: Promise<Exit>
  readonly exit: () => Exit | undefined
  readonly signal: (signal: NodeJS.Signals) => void
  /** SIGKILL (if still running) and wait for the exit. */
  readonly kill: () => Promise<Exit>
  /** Waits for a line matching `pattern` in the output; rejects after `timeoutMs` or when the child exits first. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>
  /** Highest VmHWM (peak resident set) read from /proc so far, in bytes; sampled every 100 ms. */
  readonly peakRss: () => number
  /** Current VmRSS in bytes (0 after the exit). */
  readonly rss: () => number
}

const live = new Set<Child>()
process.once("exit", () => {
  for (const child of live) {
    try {
      process.kill(child.pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
})
// Killed by a signal (a CI timeout, Ctrl-C), the test process would skip its exit handlers and orphan its
// children (and redis-servers): exit instead, so that they run.
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  process.once(signal, () => process.exit(128 + (signal === "SIGHUP" ? 1 : signal === "SIGINT" ? 2 : 15)))
}

const statusKb = (pid: number, field: "VmRSS" | "VmHWM"): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8")
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

const maxOutput = 4 * 1024 * 1024

/** The environment every child starts from: PATH and HOME only, so nothing leaks in from the test's own. */
const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env["PATH"] ?? "/usr/bin:/bin",
  HOME: process.env["HOME"] ?? "/tmp",
  TZ: "UTC"
})

/** Starts `node dist/main.js <command>` (the Node running the tests, i.e. Node 24) with `env` on top of a bare one. */
export const startCommand = (name: string, command: string, env: Readonly<Record<string, string>>): Child => {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npx tsc -p tsconfig.build.json)`)
  const proc: ChildProcess = spawn(process.execPath, [mainJs, command], {
    cwd: repoRoot,
    env: { ...baseEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  if (proc.pid === undefined) throw new Error(`${name} did not start`)
  const pid = proc.pid
  let text = ""
  const listeners = new Set<() => void>()
  const keep = (chunk: Buffer) => {
    text += chunk.toString("utf8")
    if (text.length > maxOutput) text = text.slice(text.length - maxOutput)
    for (const f of listeners) f()
  }
  proc.stdout!.on("data", keep)
  proc.stderr!.on("data", keep)

  let peak = 0
  let current = 0
  const sample = () => {
    peak = Math.max(peak, statusKb(pid, "VmHWM") * 1024)
    current = statusKb(pid, "VmRSS") * 1024
  }
  sample()
  const sampler = setInterval(sample, 100)

  let exitInfo: Exit | undefined
  const exited = new Promise<Exit>((resolve) =>
    proc.once("exit", (code, signal) => {
      clearInterval(sampler)
      current = 0
      exitInfo = { code, signal, at: Date.now() }
      live.delete(child)
      for (const f of listeners) f()
      resolve(exitInfo)
    })
  )

  const child: Child = {
    name,
    pid,
    output: () => text,
    exited,
    exit: () => exitInfo,
    signal: (signal) => {
      if (exitInfo === undefined) proc.kill(signal)
    },
    kill: () => {
      if (exitInfo === undefined) proc.kill("SIGKILL")
      return exited
    },
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) return done(undefined)
          if (exitInfo !== undefined) return done(new Error(`${name} exited (${exitInfo.code ?? exitInfo.signal}) before ${pattern}:\n${tail(text)}`))
        }
        const timer = setTimeout(() => done(new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${tail(text)}`)), timeoutMs)
        const done = (error: Error | undefined) => {
          clearTimeout(timer)
          listeners.delete(check)
          if (error === undefined) resolve()
          else reject(error)
        }
        listeners.add(check)
        check()
      }),
    peakRss: () => {
      if (exitInfo === undefined) sample()
      return peak
    },
    rss: () => {
      if (exitInfo === undefined) sample()
      return current
    }
  }
  live.add(child)
  return child
}

/** The last lines of a child's output, for failure messages. */
export const tail = (text: string, lines = 30): string => text.split("\n").slice(-lines).join("\n")

/** SIGKILLs every child still running (afterEach / afterAll). */
export const killAll = async (): Promise<void> => {
  await Promise.all([...live].map((c) => c.kill()))
}

/**
 * Worker settings that make faults show quickly: short windows, blocks and timeouts, a claim idle just over
 * XTR_WINDOW + 2 × XTR_JOB_TIMEOUT (the synthetic extractor answers at once), a trim every second.
 * Overridden per scenario.
 */
export const fastWorkerEnv = {
  XTRTYPE: "faults",
  XTR_EXTRACTORS: "synthetic",
  SYNTH_FIXTURES: "5",
  XTR_BATCH: "20",
  XTR_WINDOW: "100 millis",
  XTR_BLOCK: "500 millis",
  XTR_JOB_TIMEOUT: "1 second",
  XTR_CLAIM_IDLE: "3 seconds",
  XTR_MAX_DELIVERIES: "5",
  XTR_GRACE: "5 seconds",
  XTR_TRIM_EVERY: "1 second",
  MATCH_MIN_BTTS: "2",
  MATCH_MIN: "2",
  REDIS_COMMAND_TIMEOUT: "1 second",
  REDIS_CONNECT_TIMEOUT: "1 second",
  REDIS_READ_MARGIN: "1 second",
  REDIS_CLOSE_TIMEOUT: "500 millis"
} as const

export const startWorker = (name: string, env: Readonly<Record<string, string>>): Child =>
  startCommand(name, "worker", { ...fastWorkerEnv, ...env })

export const fastDetectorEnv = {
  DETECT_BATCH: "50",
  DETECT_BLOCK: "500 millis",
  DETECT_CLAIM_IDLE: "3 seconds",
  DETECT_SWEEP_EVERY: "1 second",
  REDIS_COMMAND_TIMEOUT: "1 second",
  REDIS_CONNECT_TIMEOUT: "1 second",
  REDIS_READ_MARGIN: "1 second",
  REDIS_CLOSE_TIMEOUT: "500 millis"
} as const

export const startDetector = (name: string, env: Readonly<Record<string, string>>): Child =>
  startCommand(name, "detect", { ...fastDetectorEnv, ...env })
