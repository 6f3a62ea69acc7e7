// The contract between the simulator's HTTP shell and each bookmaker's simulated API: a pure renderer of
// one bookmaker's wire format over the world's BookView. The server only routes by prefix and injects faults.
import type { Bookmaker } from "../domain/Market.ts"
import type { BookView } from "./World.ts"

export interface SimulatedApi {
  readonly bookmaker: Bookmaker
  /** URL prefix the server mounts this API under: "/alpha", "/beta", "/gamma", "/delta". */
  readonly prefix: string
  /** Answers GET `path` (after the prefix) with a JSON-serialisable body, or undefined for 404. */
  readonly handle: (view: BookView, path: string, query: URLSearchParams, now: Date) => unknown | undefined
}
