// A loopback TCP proxy between a process under test and Redis, controlled by the scenario:
// - pass: bytes flow both ways (optionally each chunk `delay` ms late, order kept);
// - cut: every open connection is destroyed at once (the client sees a reset/close); new ones pass;
// - down: cut, and new connections are closed as soon as they are accepted (Redis unreachable);
// - blackhole: connections stay open but nothing arrives either way; the bytes are held, and `pass()`
//   (the partition heals) delivers them late — including what a client sent before it gave up and closed,
//   which is how a write whose reply was lost can still execute (issue 5);
// - holdOn(...commands): the next chunk a client sends that carries one of these Redis commands is held (that
//   connection's traffic to Redis stops there) until `release()`; the promise resolves when it happens.
//   It lets a scenario kill a worker at an exact point, e.g. after its writes and before its XACK.
import { connect, createServer, type Socket } from "node:net"

export type ProxyMode = "pass" | "down" | "blackhole"

export interface FaultProxy {
  readonly port: number
  readonly url: (auth?: string) => string
  readonly mode: () => ProxyMode
  readonly pass: () => void
  readonly cut: () => void
  readonly down: () => void
  readonly blackhole: () => void
  readonly delay: (ms: number) => void
  readonly holdOn: (...commands: ReadonlyArray<string>) => Promise<void>
  readonly release: () => void
  /** Connections currently open through the proxy. */
  readonly connections: () => number
  /** Connections accepted so far. */
  readonly accepted: () => number
  readonly close: () => Promise<void>
}

interface Link {
  readonly client: Socket
  readonly upstream: Socket
  /** Chunks held while blackholed (or, client → server, held by holdOn). */
  readonly toServer: Array<Buffer>
  readonly toClient: Array<Buffer>
  held: boolean
  clientGone: boolean
  /** The end of the last chunk the client sent (latin1), see `overlap`. */
  tail: string
}

/**
 * `*N\r\n$len\r\nNAME\r\n`, in any case (ioredis sends script commands as `evalsha`), ending past the first
 * `seen` characters of `text` (the previous chunk's tail): a name that chunk held whole does not count again.
 */
const carries = (text: string, seen: number, command: string): boolean => {
  const name = `$${command.length}\r\n${command.toUpperCase()}\r\n`
  return text.toUpperCase().indexOf(name, Math.max(0, seen - name.length + 1)) >= 0
}

/**
 * How much of a connection's last chunk to client → server is searched with the next one: a command's name
 * may straddle two chunks (TCP keeps no write boundaries), and then the chunk holding its end is held, so
 * Redis still never has the whole command. Longer than any `$len\r\nNAME\r\n`.
 */
const overlap = 32

export const startProxy = (target: { readonly host: string; readonly port: number }): Promise<FaultProxy> =>
  new Promise((resolve, reject) => {
    let mode: ProxyMode = "pass"
    let delayMs = 0
    let accepted = 0
    let hold: { readonly commands: ReadonlyArray<string>; readonly hit: () => void } | undefined
    const links = new Set<Link>()

    // Delayed chunks keep their order: each is due no earlier than the one before it.
    let lastDue = 0
    const forward = (to: Socket, chunk: Buffer) => {
      if (delayMs === 0) return void (to.destroyed ? undefined : to.write(chunk))
      const due = Math.max(Date.now() + delayMs, lastDue)
      lastDue = due
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk)
      }, due - Date.now())
    }

    const drop = (link: Link) => {
      links.delete(link)
      link.client.destroy()
      link.upstream.destroy()
    }

    const flush = (link: Link) => {
      for (const chunk of link.toServer.splice(0)) forward(link.upstream, chunk)
      for (const chunk of link.toClient.splice(0)) forward(link.client, chunk)
      // The client left during the partition: what it had sent is delivered, then the connection ends.
      if (link.clientGone) link.upstream.end()
    }

    const server = createServer((client) => {
      accepted++
      if (mode === "down") return void client.destroy()
      const upstream = connect(target.port, target.host)
      const link: Link = { client, upstream, toServer: [], toClient: [], held: false, clientGone: false, tail: "" }
      links.add(link)
      client.on("data", (chunk: Buffer) => {
        const text = link.tail + chunk.toString("latin1")
        const seen = link.tail.length
        link.tail = text.slice(-overlap)
        if (hold !== undefined && !link.held && hold.commands.some((c) => carries(text, seen, c))) {
          link.held = true // one-shot: this connection stays held until release()
          const { hit } = hold
          hold = undefined
          hit()
        }
        if (mode === "blackhole" || link.held) link.toServer.push(chunk)
        else forward(upstream, chunk)
      })
      upstream.on("data", (chunk) => {
        if (mode === "blackhole") link.toClient.push(chunk)
        else forward(client, chunk)
      })
      const clientClosed = () => {
        link.clientGone = true
        if (mode === "blackhole" && link.toServer.length > 0) return // delivered when the partition heals
        drop(link)
      }
      client.on("close", clientClosed).on("error", clientClosed)
      upstream.on("close", () => drop(link)).on("error", () => drop(link))
    })
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      if (address === null || typeof address === "string") return reject(new Error("proxy has no port"))
      const port = address.port
      resolve({
        port,
        url: (auth) => `redis://${auth === undefined ? "" : `${auth}@`}127.0.0.1:${port}`,
        mode: () => mode,
        pass: () => {
          const healed = mode === "blackhole"
          mode = "pass"
          if (healed) for (const link of [...links]) if (!link.held) flush(link)
        },
        cut: () => {
          for (const link of [...links]) drop(link)
        },
        down: () => {
          mode = "down"
          for (const link of [...links]) drop(link)
        },
        blackhole: () => {
          mode = "blackhole"
        },
        delay: (ms) => {
          delayMs = ms
        },
        holdOn: (...commands) =>
          new Promise<void>((hit) => {
            hold = { commands, hit }
          }),
        release: () => {
          hold = undefined
          for (const link of [...links]) {
            if (!link.held) continue
            link.held = false
            if (mode !== "blackhole") flush(link)
          }
        },
        connections: () => links.size,
        accepted: () => accepted,
        close: () =>
          new Promise<void>((done) => {
            for (const link of [...links]) drop(link)
            server.close(() => done())
          })
      })
    })
  })
