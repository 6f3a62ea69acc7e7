// A loopback TCP proxy in front of Redis that counts round trips: on each connection, every time the
// client speaks after the server has (or first), that is one turn. A pipeline sent in several chunks is
// still one turn; one command per reply is one turn each. Used only where round trips are counted.
import { createServer, connect, type Server } from "node:net"

export interface TurnProxy {
  readonly port: number
  readonly turns: () => number
  readonly close: () => Promise<void>
}

export const startTurnProxy = (redisPort: number): Promise<TurnProxy> =>
  new Promise((resolve, reject) => {
    let turns = 0
    const server: Server = createServer((client) => {
      const upstream = connect(redisPort, "127.0.0.1")
      // Without TCP_NODELAY, Nagle's algorithm meeting delayed ACKs stalls large pipelines for ~40 ms.
      client.setNoDelay(true)
      upstream.setNoDelay(true)
      let clientSpokeLast = false
      client.on("data", (chunk) => {
        if (!clientSpokeLast) turns++
        clientSpokeLast = true
        upstream.write(chunk)
      })
      upstream.on("data", (chunk) => {
        clientSpokeLast = false
        client.write(chunk)
      })
      const end = () => {
        client.destroy()
        upstream.destroy()
      }
      client.on("close", end).on("error", end)
      upstream.on("close", end).on("error", end)
    })
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      if (address === null || typeof address === "string") return reject(new Error("proxy has no port"))
      resolve({
        port: address.port,
        turns: () => turns,
        close: () => new Promise<void>((r) => server.close(() => r()))
      })
    })
  })
