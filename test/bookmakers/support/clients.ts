// Fake HttpClients for the bookmaker tests: one that serves the simulated APIs from a BookView (no sockets),
// and one that answers from a function, recording what was asked.
import { ConfigProvider, Clock, Effect, Layer } from "effect"
import { HttpClient, type HttpClientRequest, HttpClientResponse } from "effect/http"
import { layerHttp } from "../../../src/bookmakers/registry.ts"
import { simulatedApis } from "../../../src/bookmakers/simulatedApis.ts"
import type { BookView } from "../../../src/simulator/World.ts"

export const json = (request: HttpClientRequest.HttpClientRequest, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpClientResponse.fromWeb(
    request,
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })
  )

export const notFound = (request: HttpClientRequest.HttpClientRequest) =>
  HttpClientResponse.fromWeb(request, new Response("not found", { status: 404 }))

/**
 * The simulated APIs as a client: the renderer's `now` is the (Test)Clock's. Records each path + query;
 * `tamper` may rewrite a rendered body (to inject malformed payloads).
 */
export const simClient = (view: BookView, seen: Array<string> = [], tamper: (path: string, body: unknown) => unknown = (_, b) => b) =>
  HttpClient.make((request, url) =>
    Effect.map(Clock.currentTimeMillis, (ms) => {
      seen.push(`${url.pathname}${url.search}`)
      const api = simulatedApis.find((a) => url.pathname.startsWith(`${a.prefix}/`))
      const body = api?.handle(view, url.pathname.slice(api.prefix.length), url.searchParams, new Date(ms))
      return body === undefined ? notFound(request) : json(request, tamper(url.pathname, body))
    })
  )

export const testEnv: Record<string, string> = {
  BOOKIE_ALPHA_URL: "http://sim.test/alpha",
  BOOKIE_BETA_URL: "http://sim.test/beta",
  BOOKIE_GAMMA_URL: "http://sim.test/gamma",
  BOOKIE_DELTA_URL: "http://sim.test/delta/"
}

/** The production registry over a fake client and an explicit environment. */
export const registryWith = (client: HttpClient.HttpClient, env: Record<string, string> = {}) =>
  layerHttp.pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
    Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env: { ...testEnv, ...env } })))
  )
