// What /proc says about a child process: CPU time and memory. Linux only, like the benchmark machine.
import { readFileSync } from "node:fs"

const ticksPerSecond = 100 // USER_HZ on Linux; /proc/<pid>/stat counts in these ticks

/** User + system CPU time of a process so far, in microseconds (10 ms resolution). */
export const cpuMicros = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1e6) / ticksPerSecond
}

/** Peak resident set size (VmHWM) of a process, in bytes. */
export const peakRssBytes = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
  if (kb === undefined) throw new Error(`no VmHWM for pid ${pid}`)
  return Number(kb) * 1024
}
