// Real Redis for tests, benchmarks and the fault suite: a throwaway `redis-server` from PATH on a free
// loopback port in a temp dir (no persistence unless asked), or the server named by REDIS_URL.
// The start/stop functions are plain async and free of vitest, so scripts use them too; the Effect
// layers at the end wrap them for @effect/vitest's `layer(...)`.
//
// When neither redis-server nor REDIS_URL exists, `skipWithoutRedis()` prints a loud warning and the
// real-Redis tests are skipped — unless REQUIRE_REDIS=1 (CI), which runs them so that they fail.
import { execFile, spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { accessSync, constants } from "node:fs"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { connect, createServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { connect as connectTls } from "node:tls"
import { promisify } from "node:util"
import { Context, Effect, Layer } from "effect"

export interface RedisServer {
  /** `redis://[:password@]127.0.0.1:port` (or REDIS_URL as given). */
  readonly url: string
  readonly host: string
  readonly port: number
  /** Working directory (AOF/RDB files); undefined for an external server. */
  readonly dir: string | undefined
  readonly pid: number | undefined
  /** True for REDIS_URL: stop() and kill() leave it alone. */
  readonly external: boolean
  /** SIGTERM, then SIGKILL after 5 s; removes the temp dir it created. Safe to call twice. */
  readonly stop: () => Promise<void>
  /** Sends `signal` (SIGKILL for crash tests) and waits for the exit; keeps `dir` for a restart. */
  readonly kill: (signal?: NodeJS.Signals) => Promise<void>
  /** The server's recent output, for diagnostics. */
  readonly log: () => string
}

export interface StartOptions {
  /** Extra redis-server arguments, after the defaults, e.g. `["--appendonly", "yes"]`, `["--maxmemory", "2mb"]`. */
  readonly args?: ReadonlyArray<string>
  /** `--requirepass`; the url carries it. */
  readonly password?: string
  /** Default: a free port. Pass the old one (and `dir`) to restart a killed server in place. */
  readonly port?: number
  /** Default: a new temp dir, removed by stop(). A dir passed in is kept. */
  readonly dir?: string
  /** Default: `redis-server` from PATH. */
  readonly binary?: string
  /** How long to wait for the first PING reply. Default 10 s. */
  readonly readyTimeoutMs?: number
  /** Serve TLS only (rediss://) with these files; see makeTestCertificates. */
  readonly tls?: TestCertificates
}

export interface TestCertificates {
  readonly caFile: string
  readonly certFile: string
  readonly keyFile: string
}

/** `redis-server` on PATH, or undefined. */
export const findRedisServer = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    if (dir === "") continue
    const candidate = join(dir, "redis-server")
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

export type RedisAvailability =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "binary"; readonly binary: string }
  | { readonly kind: "missing"; readonly required: boolean }

/**
 * REDIS_URL when set, else redis-server from PATH, else missing (required when REQUIRE_REDIS=1).
 * `ownServer`: tests that start servers with their own settings, or pause and kill them, need the binary.
 */
export const redisAvailability = (env: NodeJS.ProcessEnv = process.env, ownServer = false): RedisAvailability => {
  const url = env["REDIS_URL"]
  if (!ownServer && url !== undefined && url !== "") return { kind: "url", url }
  const binary = findRedisServer(env)
  if (binary !== undefined) return { kind: "binary", binary }
  return { kind: "missing", required: env["REQUIRE_REDIS"] === "1" }
}

const missingMessage = (ownServer: boolean) =>
  ownServer
    ? "no redis-server on PATH (these tests start their own servers; REDIS_URL is not enough)"
    : "no Redis for the real-Redis tests: redis-server is not on PATH and REDIS_URL is not set"

/**
 * For `describe.skipIf(skipWithoutRedis(name))`: true (after a loud warning) when no Redis can be had and
 * REQUIRE_REDIS is not 1. With REQUIRE_REDIS=1 it returns false, and the tests fail when they ask for Redis.
 */
export const skipWithoutRedis = (
  suite: string,
  options: { readonly ownServer?: boolean; readonly env?: NodeJS.ProcessEnv } = {}
): boolean => {
  const availability = redisAvailability(options.env, options.ownServer)
  if (availability.kind !== "missing" || availability.required) return false
  const line = "!".repeat(100)
  process.stderr.write(
    `\n${line}\n!!! SKIPPED "${suite}": ${missingMessage(options.ownServer ?? false)}.\n` +
      `!!! Install redis-server (or set REDIS_URL); CI sets REQUIRE_REDIS=1 to fail instead.\n${line}\n\n`
  )
  return true
}

/** A loopback port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))))
    })
  })

/** One PING; resolves with the first reply line, or undefined when nothing answers. */
const ping = (port: number, ca: Buffer | undefined): Promise<string | undefined> =>
  new Promise((resolve) => {
    const socket = ca === undefined ? connect({ host: "127.0.0.1", port }) : connectTls({ host: "127.0.0.1", port, ca })
    let reply = ""
    const done = (value: string | undefined) => {
      socket.destroy()
      resolve(value)
    }
    socket.setTimeout(1000, () => done(undefined))
    socket.once("error", () => done(undefined))
    socket.once(ca === undefined ? "connect" : "secureConnect", () => socket.write("PING\r\n"))
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1")
      if (reply.includes("\r\n")) done(reply.split("\r\n")[0])
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Servers still running when the test process exits are killed with it.
const running = new Set<ChildProcess>()
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL")
})

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()))

const startOnce = async (options: StartOptions, port: number): Promise<RedisServer> => {
  const binary = options.binary ?? findRedisServer()
  if (binary === undefined) throw new Error("redis-server is not on PATH")
  const ownDir = options.dir === undefined
  const dir = options.dir ?? await mkdtemp(join(tmpdir(), "redis-test-"))
  const tls = options.tls
  const args = [
    ...(tls === undefined
      ? ["--port", String(port)]
      : ["--port", "0", "--tls-port", String(port), "--tls-cert-file", tls.certFile, "--tls-key-file", tls.keyFile,
        "--tls-ca-cert-file", tls.caFile, "--tls-auth-clients", "no"]),
    "--bind", "127.0.0.1",
    "--save", "",
    "--appendonly", "no",
    "--dir", dir,
    "--daemonize", "no",
    "--logfile", "",
    ...(options.password === undefined ? [] : ["--requirepass", options.password]),
    ...(options.args ?? [])
  ]
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] })
  running.add(child)
  child.once("exit", () => running.delete(child))
  const output: Array<string> = []
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter((l) => l !== ""))
    output.splice(0, Math.max(0, output.length - 200))
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const log = () => output.join("\n")

  let stopped = false
  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    child.kill(signal)
    await exited(child)
  }
  const stop = async () => {
    if (stopped) return
    stopped = true
    child.kill("SIGTERM")
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
    await exited(child)
    clearTimeout(timer)
    if (ownDir) await rm(dir, { recursive: true, force: true })
  }

  const ca = tls === undefined ? undefined : await readFile(tls.caFile)
  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000)
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (ownDir) await rm(dir, { recursive: true, force: true })
      throw new Error(`redis-server exited during start (port ${port}):\n${log()}`)
    }
    const reply = await ping(port, ca)
    if (reply !== undefined && !reply.startsWith("-LOADING")) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server did not answer PING within ${options.readyTimeoutMs ?? 10_000} ms:\n${log()}`)
    }
    await sleep(20)
  }
  const auth = options.password === undefined ? "" : `:${encodeURIComponent(options.password)}@`
  const scheme = tls === undefined ? "redis" : "rediss"
  return { url: `${scheme}://${auth}127.0.0.1:${port}`, host: "127.0.0.1", port, dir, pid: child.pid, external: false, stop, kill, log }
}

/** Starts redis-server (needs the binary). A port taken meanwhile is retried with another free one. */
export const startRedisServer = async (options: StartOptions = {}): Promise<RedisServer> => {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? await freePort()
    try {
      return await startOnce(options, port)
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes("Address already in use")
      if (options.port !== undefined || !portTaken || attempt >= 3) throw error
    }
  }
}

/**
 * A throwaway CA and a server certificate for 127.0.0.1/localhost in `dir` (EC P-256, valid two days),
 * made with the openssl command line.
 */
export const makeTestCertificates = async (dir: string): Promise<TestCertificates> => {
  const run = promisify(execFile)
  const at = (name: string) => join(dir, name)
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
  await run("openssl", ["req", "-x509", ...ec, "-keyout", at("ca.key"), "-out", at("ca.pem"), "-days", "2",
    "-subj", "/CN=bookies test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"])
  await run("openssl", ["req", ...ec, "-keyout", at("server.key"), "-out", at("server.csr"), "-subj", "/CN=127.0.0.1"])
  await writeFile(at("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
  await run("openssl", ["x509", "-req", "-in", at("server.csr"), "-CA", at("ca.pem"), "-CAkey", at("ca.key"),
    "-CAcreateserial", "-out", at("server.pem"), "-days", "2", "-extfile", at("server.ext")])
  return { caFile: at("ca.pem"), certFile: at("server.pem"), keyFile: at("server.key") }
}

/** The server named by REDIS_URL, as a handle whose stop() and kill() do nothing. */
export const externalRedis = (url: string): RedisServer => {
  const parsed = new URL(url)
  return {
    url,
    host: parsed.hostname,
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    dir: undefined,
    pid: undefined,
    external: true,
    stop: async () => {},
    kill: async () => {},
    log: () => ""
  }
}

/** REDIS_URL if set, else a fresh redis-server; rejects with a clear message when neither exists. */
export const acquireRedis = async (options: StartOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<RedisServer> => {
  const availability = redisAvailability(env)
  switch (availability.kind) {
    case "url":
      return externalRedis(availability.url)
    case "binary":
      return startRedisServer({ binary: availability.binary, ...options })
    case "missing":
      throw new Error(`${missingMessage(false)}${availability.required ? " (REQUIRE_REDIS=1: failing instead of skipping)" : ""}`)
  }
}

/** A Redis server for the duration of a layer (a vitest `layer(...)` block or a test). */
export class RedisTestServer extends Context.Service<RedisTestServer, RedisServer>()("test/RedisTestServer") {
  private static scoped = (acquire: () => Promise<RedisServer>) =>
    Layer.effect(
      RedisTestServer,
      Effect.acquireRelease(Effect.promise(acquire), (server) => Effect.promise(() => server.stop()))
    )
  /** REDIS_URL, or a fresh redis-server. */
  static readonly layer = (options: StartOptions = {}) => RedisTestServer.scoped(() => acquireRedis(options))
  /** Always a fresh redis-server (for servers with special settings: passwords, maxmemory, AOF). */
  static readonly layerStarted = (options: StartOptions = {}) => RedisTestServer.scoped(() => startRedisServer(options))
}
