// A bound on one round trip's wait, without a race: `Effect.timeout` forks two fibers and arms a timer per
// call, 4–9 µs more per round trip here, and a worker fed one job at a time makes four round trips a job
// (docs/benchmarks.md).
import { Effect } from "effect"

/** setTimeout's longest delay (~24.8 days); a longer one would fire at once. */
const longestTimer = 2 ** 31 - 1

/**
 * The reply of `roundTrip`, its failure mapped by `failed`, or `late()` when no reply came within `ms`
 * (beyond ~24.8 days, Infinity included: that long). Interrupted, it stops the timer; a reply that still
 * comes is ignored.
 */
export const replyWithin = <A, E>(
  ms: number,
  roundTrip: () => Promise<A>,
  failed: (error: unknown) => E,
  late: () => Effect.Effect<never, E>
): Effect.Effect<A, E> =>
  Effect.callback<A, E>((resume) => {
    const timer = setTimeout(() => resume(late()), Math.min(ms, longestTimer))
    const settle = (result: Effect.Effect<A, E>) => {
      clearTimeout(timer)
      resume(result)
    }
    try {
      roundTrip().then((reply) => settle(Effect.succeed(reply)), (error) => settle(Effect.fail(failed(error))))
    } catch (error) {
      settle(Effect.fail(failed(error)))
    }
    return Effect.sync(() => clearTimeout(timer))
  })
