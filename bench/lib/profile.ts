// Where a --cpu-prof profile spends its time: self time per function, highest first.
import { readFileSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { relative } from "node:path"

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}

interface CpuProfile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

export interface HotFunction {
  readonly fn: string
  readonly where: string
  readonly selfMs: number
  readonly percent: number
}

const shortUrl = (url: string) => {
  if (url === "") return "(native)"
  const path = url.replace(/^file:\/\//, "")
  const inModules = path.lastIndexOf("node_modules/")
  return inModules >= 0 ? path.slice(inModules + "node_modules/".length) : relative(process.cwd(), path)
}

/**
 * Where a frame's code lives: a package (`effect`, `ioredis`), a folder of ours (`dist/pipeline`), node or V8.
 * The reference runs our TypeScript sources (`src/bookmakers`) where the worker runs their build: both count
 * as `dist/…`, so the two profiles compare.
 */
const packageOf = (url: string) => {
  if (url === "") return "(v8/native)"
  if (url.startsWith("node:")) return "node internals"
  const path = url.replace(/^file:\/\//, "")
  const inModules = path.lastIndexOf("node_modules/")
  if (inModules >= 0) {
    const rest = path.slice(inModules + "node_modules/".length).split("/")
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  return relative(process.cwd(), path).replace(/^src\//, "dist/").split("/").slice(0, 2).join("/")
}

export interface ProfileSummary {
  readonly totalMs: number
  /** The `top` functions by self time; (idle), (program) and (garbage collector) as V8 reports them. */
  readonly hot: ReadonlyArray<HotFunction>
  /** Self time by package or folder of ours, highest first; (idle), (program), (garbage collector) on their own. */
  readonly byPackage: ReadonlyArray<PackageTime>
}

export interface PackageTime {
  readonly where: string
  readonly ms: number
  readonly percent: number
}

export const summariseProfile = (file: string, top = 20): ProfileSummary => {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const self = new Map<string, number>()
  const byPackage = new Map<string, number>()
  let totalUs = 0
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!
    const key = `${frame.functionName || "(anonymous)"}\u0000${shortUrl(frame.url)}:${frame.lineNumber + 1}`
    const us = profile.timeDeltas[i] ?? 0
    self.set(key, (self.get(key) ?? 0) + us)
    const where = frame.url === "" && frame.functionName.startsWith("(") ? frame.functionName : packageOf(frame.url)
    byPackage.set(where, (byPackage.get(where) ?? 0) + us)
    totalUs += us
  })
  const hot = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, where] = key.split("\u0000") as [string, string]
      return { fn, where, selfMs: us / 1000, percent: (100 * us) / totalUs }
    })
  return {
    totalMs: totalUs / 1000,
    hot,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]).map(([where, us]) => ({ where, ms: us / 1000, percent: (100 * us) / totalUs }))
  }
}

/** One place's sampled time per job in two profiles of the same work, in µs. */
export interface PerJobTime {
  readonly where: string
  readonly us: number
  readonly referenceUs: number
}

/**
 * Two profiles of the same jobs (the worker's and the reference's) side by side: each place's sampled time
 * per job, the places where the first spends the most beyond the second first. (idle) is not work and is
 * left out.
 */
export const perJobAgainst = (
  profile: Pick<ProfileSummary, "byPackage">,
  reference: Pick<ProfileSummary, "byPackage">,
  jobs: number
): ReadonlyArray<PerJobTime> => {
  const usPerJob = (p: Pick<ProfileSummary, "byPackage">) =>
    new Map(p.byPackage.filter((b) => b.where !== "(idle)").map((b) => [b.where, (1000 * b.ms) / jobs]))
  const mine = usPerJob(profile)
  const theirs = usPerJob(reference)
  return [...new Set([...mine.keys(), ...theirs.keys()])]
    .map((where) => ({ where, us: mine.get(where) ?? 0, referenceUs: theirs.get(where) ?? 0 }))
    .sort((a, b) => (b.us - b.referenceUs) - (a.us - a.referenceUs))
}

/**
 * Profiles `run` alone, in this process (the inspector's sampling profiler, as `--cpu-prof` uses), and writes
 * it to `<dir>/<name>.cpuprofile`: for a benchmark whose set-up would otherwise fill the profile.
 */
export const profileSection = async (dir: string, name: string, run: () => void): Promise<void> => {
  const session = new Session()
  session.connect()
  try {
    await session.post("Profiler.enable")
    await session.post("Profiler.start")
    run()
    const { profile } = await session.post("Profiler.stop")
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile))
  } finally {
    session.disconnect()
  }
}
