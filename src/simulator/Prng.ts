// Seeded randomness for the simulated world. Never Math.random: the same seed must give the same world.
// `Rng` is a sequential stream (mulberry32) for building the world; `unit` is a stateless keyed draw for
// values that are recomputed on every request (prices at a given minute, fault decisions, suspensions).

/** 32-bit hash of a tuple of keys (FNV-1a over the text, then a murmur3 finaliser for avalanche). */
export const hash32 = (...parts: ReadonlyArray<string | number>): number => {
  let h = 0x811c9dc5
  const text = parts.join("\u001f")
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A uniform draw in [0, 1) fixed by its keys. */
export const unit = (...parts: ReadonlyArray<string | number>): number => hash32(...parts) / 4294967296

export class Rng {
  private state: number

  constructor(...seed: ReadonlyArray<string | number>) {
    this.state = hash32(...seed)
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next()
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<A>(items: ReadonlyArray<A>): A {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<A>(items: ReadonlyArray<A>): Array<A> {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** Poisson-distributed count (Knuth; fine for the small means of football goals). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }
}
