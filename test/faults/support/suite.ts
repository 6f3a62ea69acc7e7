// The hooks every fault file registers: children are SIGKILLed after each test, and at the end of the file
// everything it started is closed (proxies, the admin client, the simulator, Redis servers, temporary
// directories), so a failing scenario leaves nothing running.
import { rm } from "node:fs/promises"
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest"
import { startSimulator, type Simulator } from "../../../src/simulator/Server.ts"
import { type RedisServer, startRedisServer } from "../../support/redisServer.ts"
import { killAll } from "./children.ts"
import { admin } from "./jobs.ts"
import type { FaultProxy } from "./proxy.ts"

export interface FaultSuite {
  /** The Redis server shared by the file's tests (`shared: "server"` or `"admin"`). */
  readonly server: RedisServer
  /** An admin client of `server`, flushed before each test (`shared: "admin"`). */
  readonly redis: ReturnType<typeof admin>
  /** The simulator shared by the file's tests (`simulator: true`). */
  readonly sim: Simulator
  /** Closed, stopped or removed at the end of the file. */
  readonly proxies: Array<FaultProxy>
  readonly servers: Array<RedisServer>
  readonly dirs: Array<string>
}

const started = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new Error(`${what} was not started: ask faultSuite for it`)
  return value
}

/** Registers the hooks (call it at the top of a describe) and returns what they start. */
export const faultSuite = (options: { readonly shared?: "server" | "admin"; readonly simulator?: boolean } = {}): FaultSuite => {
  let server: RedisServer | undefined
  let redis: ReturnType<typeof admin> | undefined
  let sim: Simulator | undefined
  const proxies: Array<FaultProxy> = []
  const servers: Array<RedisServer> = []
  const dirs: Array<string> = []
  if (options.shared !== undefined || options.simulator === true) {
    beforeAll(async () => {
      if (options.shared !== undefined) server = await startRedisServer()
      if (options.shared === "admin") redis = admin(started(server, "the shared server").port)
      if (options.simulator === true) sim = await startSimulator({})
    })
  }
  if (options.shared === "admin") {
    beforeEach(async () => {
      await started(redis, "the admin client").flushall()
    })
  }
  afterEach(killAll)
  afterAll(async () => {
    await killAll()
    for (const p of proxies) await p.close()
    redis?.disconnect()
    await sim?.close()
    await server?.stop()
    for (const s of servers) await s.stop()
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })
  return {
    get server() {
      return started(server, "the shared server")
    },
    get redis() {
      return started(redis, "the admin client")
    },
    get sim() {
      return started(sim, "the simulator")
    },
    proxies,
    servers,
    dirs
  }
}
