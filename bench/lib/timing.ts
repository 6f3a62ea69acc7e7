// Timing an in-process piece of work: warm-up passes until the JIT has settled (at least `warmMs`), then at
// least three timed passes (and at least `measureMs` of them); the median pass. The median, not the mean or a
// single pass: on a shared machine a pass that lost its core for a while says nothing about the code.
export const timed = <A>(
  work: () => A,
  { measureMs = 400, warmMs = 200 }: { readonly warmMs?: number; readonly measureMs?: number } = {}
): { readonly result: A; readonly seconds: number } => {
  for (const t0 = performance.now(); performance.now() - t0 < warmMs;) work()
  const passes: Array<number> = []
  let result = work()
  for (const t0 = performance.now(); passes.length < 3 || performance.now() - t0 < measureMs;) {
    const start = performance.now()
    result = work()
    passes.push(performance.now() - start)
  }
  passes.sort((a, b) => a - b)
  return { result, seconds: passes[Math.floor(passes.length / 2)]! / 1000 }
}
