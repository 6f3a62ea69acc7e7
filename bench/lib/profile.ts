// Where a --cpu-prof profile spends its time: self time per function, highest first.
import { readFileSync } from "node:fs"
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

/** The `top` functions by self time, (idle), (program) and (garbage collector) included as V8 reports them. */
export const summariseProfile = (file: string, top = 20): { readonly totalMs: number; readonly hot: ReadonlyArray<HotFunction> } => {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const self = new Map<string, number>()
  let totalUs = 0
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!
    const key = `${frame.functionName || "(anonymous)"}\u0000${shortUrl(frame.url)}:${frame.lineNumber + 1}`
    const us = profile.timeDeltas[i] ?? 0
    self.set(key, (self.get(key) ?? 0) + us)
    totalUs += us
  })
  const hot = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, where] = key.split("\u0000") as [string, string]
      return { fn, where, selfMs: us / 1000, percent: (100 * us) / totalUs }
    })
  return { totalMs: totalUs / 1000, hot }
}
