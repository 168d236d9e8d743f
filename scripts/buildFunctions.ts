// Bundles every cloudfunctions/<name>/src/index.ts into cloudfunctions/<name>/index.js, the file the
// platform loads (handler `index.main`). core/ and server/ are inlined; wx-server-sdk stays external
// because each function folder installs it from its own package.json at deploy time.
import { build, type Plugin } from 'esbuild'
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'

export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions')

export function listFunctions(): string[] {
  return readdirSync(FUNCTIONS_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(FUNCTIONS_ROOT, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

// zod re-exports its ~50 message locales as a namespace, which defeats tree shaking: they were 500 of
// a function bundle's 800 KiB and most of its own cold-require time. Functions only ever use the
// default English messages (`en`, which zod installs itself), so the namespace is built with that one.
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      (/[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: path.resolve(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' } : undefined))
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) =>
      ({ contents: `export { default as en } from ${JSON.stringify(args.path)}`, resolveDir: path.dirname(args.path) }))
  },
}

export async function buildFunctions(names = listFunctions()): Promise<void> {
  await Promise.all(names.map((name) => build({
    entryPoints: [path.join(FUNCTIONS_ROOT, name, 'src', 'index.ts')],
    outfile: path.join(FUNCTIONS_ROOT, name, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase offers Node 16/18 runtimes for new functions (reference/wechat.md §1.1).
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    plugins: [zodEnglishOnly],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  })))
}

if (require.main === module) {
  const started = Date.now()
  const names = listFunctions()
  buildFunctions(names).then(
    () => console.log(`built ${names.length} cloud functions in ${Date.now() - started} ms`),
    (error: unknown) => { console.error(error); process.exit(1) },
  )
}
