// A TCP port free on 127.0.0.1 right now. Used where a port must be known before its server starts:
// the functions' environment names the local cloud as the vendors' callback base, and a crashed local
// cloud must come back on the same port.
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
