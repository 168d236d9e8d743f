// Counts the SDK actions (`database.getDocument`, `database.aggregateDocuments`, …) a local cloud's
// POST /admin serves, on its HTTP server through node's diagnostics channel: what CloudBase bills.
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'

export function adminActionCounter() {
  const counts = new Map<string, number>()
  const onRequest = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request
    if (!request.url?.startsWith('/admin')) return
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      try {
        const action = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { action?: unknown }).action)
        counts.set(action, (counts.get(action) ?? 0) + 1)
      } catch {
        counts.set('(non-JSON)', (counts.get('(non-JSON)') ?? 0) + 1)
      }
    })
  }
  subscribe('http.server.request.start', onRequest)
  return {
    reset: () => counts.clear(),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    /** Database actions only (the function's own invocation and context calls are not billed as such). */
    database: () => [...counts.entries()].filter(([action]) => action.startsWith('database.')).reduce((sum, [, n]) => sum + n, 0),
    breakdown: () => [...counts.entries()].sort().map(([action, n]) => `${action.replace('database.', '')}×${n}`).join(' '),
    stop: () => unsubscribe('http.server.request.start', onRequest),
  }
}
