// Bundles every cloudfunctions/<name>/src/index.ts into cloudfunctions/<name>/index.js, the file the
// platform loads (handler `index.main`). core/ and server/ are inlined; wx-server-sdk stays external
// because each function folder installs it from its own package.json at deploy time.
import { build, type Metafile, type Plugin } from 'esbuild'
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'

export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions')

export function listFunctions(): string[] {
  return readdirSync(FUNCTIONS_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(FUNCTIONS_ROOT, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

/** Where a bundle's bytes come from: our code (core/, server/, cloudfunctions/), zod, and the rest. */
export interface BundleComposition {
  totalBytes: number
  ownBytes: number
  zodBytes: number
  otherBytes: number
}

// core/ and server/ have no import-time side effects, so a module a function does not use is dropped
// even when it sits behind a barrel (core/api re-exports every contract, core/tracking every codec).
// The one exception is core/validation/zod.ts, whose point is to install zod's English messages.
const OWN_CODE = /[\\/](core|server)[\\/]/
const KEEPS_SIDE_EFFECTS = /[\\/]core[\\/]validation[\\/]zod\.ts$/
const ownCodeIsPure: Plugin = {
  name: 'own-code-is-pure',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'own-code-is-pure') return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'own-code-is-pure',
      })
      if (resolved.errors.length > 0 || !OWN_CODE.test(resolved.path) || KEEPS_SIDE_EFFECTS.test(resolved.path)) return resolved
      return { ...resolved, sideEffects: false }
    })
  },
}

function compositionOf(metafile: Metafile): BundleComposition {
  const output = Object.values(metafile.outputs)[0]
  const composition: BundleComposition = { totalBytes: output?.bytes ?? 0, ownBytes: 0, zodBytes: 0, otherBytes: 0 }
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    if (/(^|[\\/])node_modules[\\/]zod[\\/]/.test(file)) composition.zodBytes += input.bytesInOutput
    else if (/(^|[\\/])node_modules[\\/]/.test(file)) composition.otherBytes += input.bytesInOutput
    else composition.ownBytes += input.bytesInOutput
  }
  return composition
}

/** Builds the functions; returns each bundle's composition (from esbuild's metafile). */
export async function buildFunctions(names = listFunctions()): Promise<Map<string, BundleComposition>> {
  const built = await Promise.all(
    names.map(async (name): Promise<[string, BundleComposition]> => {
      const result = await build({
        entryPoints: [path.join(FUNCTIONS_ROOT, name, 'src', 'index.ts')],
        outfile: path.join(FUNCTIONS_ROOT, name, 'index.js'),
        bundle: true,
        platform: 'node',
        // CloudBase offers Node 16/18 runtimes for new functions (reference/wechat.md §1.1).
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        plugins: [ownCodeIsPure],
        treeShaking: true,
        // Minified (a third of the bytes and of the parse time at a cold start) with names kept, so a
        // function's and a class's `name` still reads as in the source.
        minify: true,
        keepNames: true,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
        metafile: true,
      })
      return [name, compositionOf(result.metafile)]
    }),
  )
  return new Map(built)
}

if (require.main === module) {
  const started = Date.now()
  const names = listFunctions()
  buildFunctions(names).then(
    () => console.log(`built ${names.length} cloud functions in ${Date.now() - started} ms`),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
