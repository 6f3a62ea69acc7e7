// The fault proxy's hold (support/proxy.ts): a scenario's exact kill points rely on it catching a command
// whether or not its name arrives in one TCP chunk.
import { createServer, connect, type Server, type Socket } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { type FaultProxy, startProxy } from "./support/proxy.ts"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A stand-in for Redis that keeps every byte it receives. */
const startSink = () =>
  new Promise<{ server: Server; port: number; received: () => string }>((resolve) => {
    let received = ""
    const server = createServer((socket) => socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1"))))
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      if (address === null || typeof address === "string") throw new Error("no port")
      resolve({ server, port: address.port, received: () => received })
    })
  })

const open: Array<{ close: () => unknown }> = []
afterEach(async () => {
  for (const o of open.splice(0)) await o.close()
})

const setUp = async () => {
  const sink = await startSink()
  const proxy: FaultProxy = await startProxy({ host: "127.0.0.1", port: sink.port })
  const client: Socket = await new Promise((resolve) => {
    const socket = connect(proxy.port, "127.0.0.1", () => resolve(socket))
  })
  client.setNoDelay(true)
  open.push({ close: () => client.destroy() }, proxy, { close: () => new Promise((r) => sink.server.close(r)) })
  return { sink, proxy, client }
}

const ping = "*1\r\n$4\r\nPING\r\n"
const xack = "*4\r\n$4\r\nXACK\r\n$1\r\ns\r\n$1\r\ng\r\n$3\r\n1-0\r\n"

describe("fault proxy: holdOn", () => {
  it("holds the chunk that carries the command, and what follows, until release", async () => {
    const { client, proxy, sink } = await setUp()
    const held = proxy.holdOn("XACK")
    client.write(ping)
    await sleep(50)
    client.write(xack)
    await held
    client.write(ping)
    await sleep(50)
    expect(sink.received()).toBe(ping)
    proxy.release()
    await sleep(50)
    expect(sink.received()).toBe(ping + xack + ping)
  })

  it("catches a command whose name straddles two chunks: Redis never gets it whole before release", async () => {
    const { client, proxy, sink } = await setUp()
    const held = proxy.holdOn("XACK")
    const cut = xack.indexOf("XA") + 2
    client.write(ping + xack.slice(0, cut))
    await sleep(50)
    client.write(xack.slice(cut))
    await Promise.race([held, sleep(1000).then(() => Promise.reject(new Error("the straddling XACK was not caught")))])
    await sleep(50)
    expect(sink.received()).toBe(ping + xack.slice(0, cut))
    proxy.release()
    await sleep(50)
    expect(sink.received()).toBe(ping + xack)
  })

  it("does not count a command the previous chunk carried whole, before the hold was set", async () => {
    const { client, proxy, sink } = await setUp()
    const short = "*2\r\n$4\r\nXACK\r\n$1\r\ns\r\n" // its name within the end of the chunk the proxy keeps
    client.write(short)
    await sleep(50)
    const held = proxy.holdOn("XACK")
    client.write(ping)
    await sleep(50)
    expect(sink.received()).toBe(short + ping)
    client.write(xack)
    await held
  })
})
