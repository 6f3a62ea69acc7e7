// What `start` shows, as pure functions of a snapshot of the running system: the terminal view (redrawn on
// a TTY), the compact summary (printed every few seconds otherwise) and the JSON line of an opportunity event.
import type { LifecycleEvent } from "../mispricing/detector/lifecycle.ts"
import type { LatencySummary } from "../mispricing/detector/latency.ts"
import { eventHeader } from "../mispricing/detector/publication.ts"
import type { Tracked } from "../mispricing/detector/record.ts"
import { ageAt, returnOf } from "../mispricing/Opportunity.ts"
import { type RejectionReason, rejectionReasons } from "../mispricing/priceFixture.ts"

export interface StreamStats {
  readonly stream: string
  /** Jobs the scheduler put on the stream, and rounds it skipped because the backlog was too long. */
  readonly enqueued: number
  readonly skipped: number
  /** Jobs extracted, written and acknowledged. */
  readonly done: number
  /** Matched entries published. */
  readonly matched: number
  /** Extractor failures left for a retry, dead letters and failed Redis writes. */
  readonly errors: number
  /** From a job's enqueue to the publication of a match it contributed to. */
  readonly latency: LatencySummary
}

export interface DetectorStats {
  readonly events: Readonly<Record<LifecycleEvent, number>>
  /** From a job's enqueue to the publication of the opportunity event it caused. */
  readonly latency: LatencySummary
  readonly rejections: Readonly<Record<RejectionReason, number>>
}

export interface ViewState {
  /** Epoch ms of the snapshot and of the start. */
  readonly now: number
  readonly startedAt: number
  /** Where the odds come from, e.g. `simulator http://127.0.0.1:41234 (seed bookies)`. */
  readonly feeds: string
  readonly store: string
  /** In the order shown (see `rank`). */
  readonly active: ReadonlyArray<Tracked>
  readonly streams: ReadonlyArray<StreamStats>
  readonly detector: DetectorStats
  /** Latest warnings and errors of the parts, oldest first. */
  readonly logs: ReadonlyArray<string>
}

export interface RenderOptions {
  /** Columns: longer lines are cut. */
  readonly width: number
  /** Opportunities listed at most. */
  readonly rows: number
  readonly color: boolean
}

const ansi = { bold: "1", dim: "2", red: "31", green: "32", yellow: "33", cyan: "36" } as const
type Style = keyof typeof ansi

const styler = (color: boolean) => (style: Style, text: string): string => (color ? `\x1b[${ansi[style]}m${text}\x1b[0m` : text)

/** Cuts a line to `width` visible columns, keeping ANSI sequences intact (a reset is added after a cut). */
export const fit = (line: string, width: number): string => {
  let visible = 0
  let out = ""
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\x1b") {
      const end = line.indexOf("m", i)
      if (end > i) {
        out += line.slice(i, end + 1)
        i = end
        continue
      }
    }
    if (visible === width) return line.includes("\x1b") ? `${out}\x1b[0m` : out
    out += line[i]
    visible++
  }
  return out
}

export const percent = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`

/** `850 ms`, `2.4 s`, `3m05s`; `-` for none. */
export const formatMs = (ms: number | undefined): string => {
  if (ms === undefined || !Number.isFinite(ms)) return "-"
  if (ms < 1_000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`
  const s = Math.round(ms / 1_000)
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
}

/** Whole-second age: `7s`, `2m05s`, `1h02m`. */
export const formatAge = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1_000))
  if (s < 60) return `${s}s`
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
  return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, "0")}m`
}

const uptime = (state: ViewState) => {
  const s = Math.max(0, Math.floor((state.now - state.startedAt) / 1_000))
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`
}

/** Arbitrages first (a sure return), then value bets; each by return, highest first. */
export const rank = (active: ReadonlyArray<Tracked>): ReadonlyArray<Tracked> =>
  [...active].sort((a, b) =>
    a.opportunity.kind !== b.opportunity.kind
      ? (a.opportunity.kind === "arbitrage" ? -1 : 1)
      : returnOf(b.opportunity) - returnOf(a.opportunity)
  )

const fixtureName = (t: Tracked) => t.name ?? t.fixtureKey

const kindLabel = (t: Tracked) => (t.opportunity.kind === "arbitrage" ? "ARB  " : "VALUE")

const latencyText = (l: LatencySummary) => (l.count === 0 ? "-" : `${formatMs(l.p50)} / ${formatMs(l.p95)}`)

const pad = (text: string, n: number) => text.padEnd(n)
const padStart = (text: string, n: number) => text.padStart(n)

const opportunityLines = (t: Tracked, now: number, paint: ReturnType<typeof styler>): Array<string> => {
  const o = t.opportunity
  const head = `${paint(o.kind === "arbitrage" ? "green" : "cyan", kindLabel(t))} ${paint("bold", padStart(percent(returnOf(o)), 8))}  ` +
    `${fixtureName(t)} ${paint("dim", `· ${t.source} · age ${formatAge(now - t.since)}`)}` +
    (o.kind === "arbitrage" ? paint("dim", ` · stake ${o.staked.toFixed(2)} → profit ${o.profit.toFixed(2)}`) : "")
  const legs = o.legs.map((l) =>
    `${" ".repeat(16)}${pad(l.bookmaker, 12)} ${pad(l.market, 14)} ${pad(l.outcome, 5)} ${padStart(l.price.toFixed(2), 7)}` +
    `  stake ${padStart(l.stake.toFixed(2), 7)}  ${paint("dim", `quoted ${formatAge(now - l.fetchedAt)} ago`)}`
  )
  return [head, ...legs]
}

/** Wide enough for the longest job stream name, `XTR-DOUBLE_CHANCE_upcoming_stream`. */
const streamColumn = 35

const streamHeader = `${pad("JOB STREAM", streamColumn)}${padStart("enqueued", 9)}${padStart("done", 7)}${padStart("matched", 9)}${
  padStart("errors", 8)
}  enqueue→match p50 / p95`

const streamLine = (s: StreamStats, paint: ReturnType<typeof styler>) =>
  `${pad(s.stream, streamColumn)}${padStart(String(s.enqueued), 9)}${padStart(String(s.done), 7)}${padStart(String(s.matched), 9)}${
    s.errors > 0 ? paint("red", padStart(String(s.errors), 8)) : padStart("0", 8)
  }  ${latencyText(s.latency)}${s.skipped > 0 ? paint("yellow", `  (${s.skipped} rounds skipped: backlog)`) : ""}`

const sum = (streams: ReadonlyArray<StreamStats>, key: "enqueued" | "done" | "matched" | "errors" | "skipped") =>
  streams.reduce((n, s) => n + s[key], 0)

const eventsText = (d: DetectorStats) => `${d.events.new} new · ${d.events.updated} updated · ${d.events.gone} gone`

const rejectionsText = (d: DetectorStats) => rejectionReasons.map((r) => `${r} ${d.rejections[r]}`).join(" · ")

/** The full-screen view: one string of lines, each cut to the width. */
export const renderView = (state: ViewState, options: RenderOptions): string => {
  const paint = styler(options.color)
  const arbitrages = state.active.filter((t) => t.opportunity.kind === "arbitrage").length
  const lines: Array<string> = [
    `${paint("bold", "bookies-mispriced")} · up ${uptime(state)} · odds from ${state.feeds} · store ${state.store}`,
    "",
    paint(
      "bold",
      `ACTIVE OPPORTUNITIES: ${state.active.length} (${arbitrages} arbitrage, ${state.active.length - arbitrages} value)`
    ),
    ...(state.active.length === 0 ? [paint("dim", "  none yet")] : []),
    ...state.active.slice(0, options.rows).flatMap((t) => opportunityLines(t, state.now, paint)),
    ...(state.active.length > options.rows ? [paint("dim", `  … and ${state.active.length - options.rows} more`)] : []),
    "",
    paint("bold", streamHeader),
    ...state.streams.map((s) => streamLine(s, paint)),
    `${pad("total", streamColumn)}${padStart(String(sum(state.streams, "enqueued")), 9)}${padStart(String(sum(state.streams, "done")), 7)}${
      padStart(String(sum(state.streams, "matched")), 9)
    }${padStart(String(sum(state.streams, "errors")), 8)}`,
    "",
    `${paint("bold", "DETECTOR")}  events ${eventsText(state.detector)} · enqueue→opportunity p50 / p95 ${
      latencyText(state.detector.latency)
    }`,
    `${paint("bold", "REJECTED")}  ${rejectionsText(state.detector)}`,
    ...(state.logs.length === 0 ? [] : ["", paint("bold", "RECENT WARNINGS"), ...state.logs.map((l) => paint("yellow", l))]),
    "",
    paint("dim", "Ctrl-C to stop")
  ]
  return lines.map((l) => fit(l, options.width)).join("\n")
}

/** The compact summary when stdout is not a terminal: a status line, then the best opportunities one per line. */
export const renderSummary = (state: ViewState, rows: number): string => {
  const d = state.detector
  const status = `[${uptime(state)}] active ${state.active.length} · events ${eventsText(d)} · jobs ${sum(state.streams, "done")} done, ` +
    `${sum(state.streams, "matched")} matched, ${sum(state.streams, "errors")} errors · enqueue→opportunity p50 / p95 ${
      latencyText(d.latency)
    }`
  const best = state.active.slice(0, rows).map((t) => {
    const o = t.opportunity
    const legs = o.legs.map((l) => `${l.bookmaker} ${l.market}:${l.outcome} @${l.price.toFixed(2)} stake ${l.stake.toFixed(2)}`)
    return `  ${o.kind} ${percent(returnOf(o))} ${fixtureName(t)} (${t.source}, age ${formatAge(state.now - t.since)}): ${legs.join(" | ")}`
  })
  return [status, ...best].join("\n")
}

/** One opportunity event as a JSON line: numbers as numbers, times as ISO-8601, each leg with its event id. */
export const eventLine = (event: LifecycleEvent, t: Tracked, at: number): string => {
  const o = t.opportunity
  return JSON.stringify({
    ...eventHeader(event, t),
    markets: o.markets,
    ...(o.kind === "arbitrage"
      ? { roi: o.roi, staked: o.staked, profit: o.profit, payouts: o.payouts }
      : {
        edge: o.edge,
        probability: o.probability,
        reference: o.reference,
        ...(o.referenceBooks === undefined ? {} : {
          reference_books: o.referenceBooks.map((b) => ({
            bookmaker: b.bookmaker,
            market: b.market,
            fetched_at: new Date(b.fetchedAt).toISOString(),
            age_ms: ageAt(b.fetchedAt, at)
          }))
        })
      }),
    legs: o.legs.map((l) => ({
      bookmaker: l.bookmaker,
      ...(t.events?.[l.bookmaker] === undefined ? {} : { event_id: t.events[l.bookmaker] }),
      market: l.market,
      outcome: l.outcome,
      price: l.price,
      stake: l.stake,
      fetched_at: new Date(l.fetchedAt).toISOString(),
      age_ms: ageAt(l.fetchedAt, at)
    })),
    ...(t.events === undefined ? {} : { event_ids: t.events }),
    since: new Date(t.since).toISOString(),
    at: new Date(at).toISOString()
  })
}
