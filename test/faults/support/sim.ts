// The simulated bookmakers for scenarios that fetch over HTTP: the in-process simulator, the worker variables
// that point each bookmaker at it, and jobs for every bookmaker and upcoming day (each one yields quotes).
import { bookmakers } from "../../../src/domain/Market.ts"
import type { Market } from "../../../src/domain/Market.ts"
import { envInfix } from "../../../src/bookmakers/http/settings.ts"
import type { FaultSettings } from "../../../src/simulator/Faults.ts"
import type { Simulator } from "../../../src/simulator/Server.ts"
import type { Job } from "./jobs.ts"

/**
 * XTR_EXTRACTORS=http and BOOKIE_<BOOK>_URL for each bookmaker; 8 requests in flight per bookmaker; a job
 * timeout that fits Beta's fan-out (~30 requests a job) on a loaded machine in the simulator's default world
 * (a larger world needs a longer one), and the claim idle it implies (over XTR_WINDOW + 2 × the timeout).
 */
export const httpEnv = (sim: Simulator, jobTimeoutMs = 5_000): Record<string, string> => ({
  XTR_EXTRACTORS: "http",
  BOOKIE_CONCURRENCY: "8",
  XTR_JOB_TIMEOUT: `${jobTimeoutMs} millis`,
  XTR_CLAIM_IDLE: `${2 * jobTimeoutMs + 1_000} millis`,
  ...Object.fromEntries(bookmakers.map((b) => [`BOOKIE_${envInfix(b)}_URL`, `${sim.url}/${envInfix(b).toLowerCase()}`]))
})

/** One job per bookmaker and upcoming day "0".."4" of `market` (20 jobs). */
export const upcomingJobs = (market: Market = "btts"): Array<Job> =>
  bookmakers.flatMap((bookmaker) =>
    ["0", "1", "2", "3", "4"].map((stream_date) => ({
      fields: { bookmaker, extractor_type: market, data_source: "upcoming", stream_date }
    }))
  )

/**
 * Slow fetches: Alpha answers after `ms`. It makes one request per job (Beta fans out to one request per
 * event, ~30 per job, and Gamma sometimes two), so a batch holding Alpha jobs takes about `ms`.
 */
export const slowFetches = (ms: number): FaultSettings => ({ bookmakers: { BookieAlpha: { latencyMs: ms } } })

/** Jobs for the in-flight checks: upcomingJobs ordered day by day, so each batch of 4 has every bookmaker. */
export const interleaved = (jobs: ReadonlyArray<Job>): Array<Job> =>
  [...jobs].sort((a, b) => String(a.fields["stream_date"]).localeCompare(String(b.fields["stream_date"])))
