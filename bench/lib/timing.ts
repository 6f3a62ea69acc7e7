// Timing an in-process piece of work: one untimed warm-up (JIT), then one timed pass.
export const timed = <A>(work: () => A): { readonly result: A; readonly seconds: number } => {
  work()
  const t0 = performance.now()
  const result = work()
  return { result, seconds: (performance.now() - t0) / 1000 }
}
