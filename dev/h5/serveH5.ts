// Serves the H5 build (miniprogram/dist-h5) for `npm start` and the e2e tests. The app learns where
// the local cloud is from `window.__DEVCLOUD__`, injected into index.html here, so one build works
// against any port (tests use ephemeral ones).
import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { LOCAL_BUILD_MARKER } from '../../miniprogram/config/localBuild'

export const H5_DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist-h5')
export { LOCAL_BUILD_MARKER }

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

export interface H5Server {
  url: string
  close(): Promise<void>
}

export interface ServeH5Options {
  cloudUrl: string
  envId: string
  port?: number
  host?: string
  distDir?: string
}

export async function serveH5(options: ServeH5Options): Promise<H5Server> {
  const distDir = options.distDir ?? H5_DIST
  // A release H5 build has no cloud backend (services/cloud/noCloudClient.ts): say so here, not as a blank page.
  if (!existsSync(path.join(distDir, LOCAL_BUILD_MARKER))) {
    throw new Error(`${distDir} is not a local H5 build (no ${LOCAL_BUILD_MARKER}): run \`npm run build:h5:local\` first`)
  }
  const host = options.host ?? '127.0.0.1'
  const config = JSON.stringify({ url: options.cloudUrl, envId: options.envId })
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://h5').pathname)
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
    const file = path.resolve(distDir, relative)
    // Never serve outside the build directory, whatever the path says.
    if (!file.startsWith(distDir + path.sep)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (content) => {
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
        const body =
          relative === 'index.html'
            ? content.toString('utf8').replace('</head>', `<script>window.__DEVCLOUD__=${config}</script></head>`)
            : content
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    )
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('H5 server has no port')
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
