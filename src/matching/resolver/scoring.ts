// Pairwise precision and recall of a fixture assignment against the truth: over all pairs of listings,
// those given the same key versus those that are the same real fixture.

export interface Assigned {
  /** The resolver's key. */
  readonly key: string
  /** The true fixture. */
  readonly truth: string
  /** How to name the listing in a report, e.g. "BookieBeta: Man Utd v Spurs". */
  readonly label: string
}

export interface PairwiseScore {
  readonly listings: number
  /** Pairs with the same key. */
  readonly predictedPairs: number
  /** Pairs of the same fixture. */
  readonly truePairs: number
  /** Pairs with both. */
  readonly correctPairs: number
  /** correct / predicted (1 when nothing was joined). */
  readonly precision: number
  /** correct / true (1 when there was nothing to join). */
  readonly recall: number
  /** True fixtures split over several keys: the labels under each key. */
  readonly misses: ReadonlyArray<{ readonly truth: string; readonly groups: ReadonlyArray<ReadonlyArray<string>> }>
  /** Keys holding listings of several true fixtures: the labels of each fixture. */
  readonly falseJoins: ReadonlyArray<{ readonly key: string; readonly groups: ReadonlyArray<ReadonlyArray<string>> }>
}

const pairs = (n: number) => (n * (n - 1)) / 2

const groupBy = <A>(items: ReadonlyArray<A>, by: (a: A) => string): Map<string, Array<A>> => {
  const out = new Map<string, Array<A>>()
  for (const item of items) {
    const k = by(item)
    const list = out.get(k)
    if (list === undefined) out.set(k, [item])
    else list.push(item)
  }
  return out
}

/** Groups of labels under `outer` split by `inner`, for the outer groups that split. */
const splits = (items: ReadonlyArray<Assigned>, outer: (a: Assigned) => string, inner: (a: Assigned) => string) =>
  [...groupBy(items, outer)]
    .map(([k, group]) => ({ k, groups: [...groupBy(group, inner).values()].map((g) => g.map((a) => a.label)) }))
    .filter(({ groups }) => groups.length > 1)

export const pairwiseScore = (assigned: ReadonlyArray<Assigned>): PairwiseScore => {
  const sum = (groups: Map<string, Array<Assigned>>) => [...groups.values()].reduce((n, g) => n + pairs(g.length), 0)
  const predictedPairs = sum(groupBy(assigned, (a) => a.key))
  const truePairs = sum(groupBy(assigned, (a) => a.truth))
  const correctPairs = sum(groupBy(assigned, (a) => JSON.stringify([a.key, a.truth])))
  return {
    listings: assigned.length,
    predictedPairs,
    truePairs,
    correctPairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    misses: splits(assigned, (a) => a.truth, (a) => a.key).map(({ groups, k }) => ({ truth: k, groups })),
    falseJoins: splits(assigned, (a) => a.key, (a) => a.truth).map(({ groups, k }) => ({ key: k, groups }))
  }
}
