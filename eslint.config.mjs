// ESLint flat config. Beyond typescript-eslint's and react-hooks' recommendations, its job is the
// layering of DESIGN §2, which nothing else checks: the arrows only point down
// (miniprogram → core; cloudfunctions → server → core), nothing in production imports dev/, scripts/,
// test/ or test helpers, and there are no import cycles. Tests, dev/, scripts/ and test/ may import
// anything. scripts/lint.test.ts plants violations and shows each of them is reported.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import tseslint from 'typescript-eslint'

const root = path.dirname(fileURLToPath(import.meta.url))

/** Files that are not production code even though they live beside it. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**']
/** Production code, layer by layer (cloud functions: only their sources; index.js is generated). */
const LAYERS = {
  core: ['core/**/*.ts'],
  server: ['server/**/*.ts'],
  cloudfunctions: ['cloudfunctions/*/src/**/*.ts'],
  miniprogram: ['miniprogram/src/**/*.{ts,tsx}'],
}
const PRODUCTION = Object.values(LAYERS).flat()

const NODE_BUILTINS = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*']
const layerMessage = (layer, allowed) => `${layer} may import only ${allowed} (DESIGN §2: the arrows only point down).`
/** A restricted-paths zone for a production layer: none of `from` (folders relative to the root). */
const zone = (target, from, message) => ({ target, from, message })
/** Production must not import tests or test helpers that live beside it. */
const noTestHelpers = (target) => ({
  target,
  from: TEST_FILES.map((glob) => path.join(root, glob)),
  message: 'production code must not import tests or test helpers.',
})

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      // Every build output of the mini-program (dist, dist-h5, and the test builds dist-test/...).
      'miniprogram/dist*/**',
      'cloudfunctions/*/index.js',
      '.devcloud/**',
      '**/.devcloud/**',
      'test-results/**',
      'coverage/**',
      '.swc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.jest },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      // TypeScript checks these better (tsc fails on an unresolved import, package `exports` subpaths
      // included), and they cost a module graph walk per file.
      'import-x/no-unresolved': 'off',
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      // `import WebSocket from 'ws'` is ws's documented form: its default export is also a named one.
      'import-x/no-named-as-default': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // DESIGN §2 layering, for production files only (tests beside them may import anything).
  {
    files: PRODUCTION,
    ignores: TEST_FILES,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            zone('core', ['server', 'cloudfunctions', 'miniprogram', 'dev', 'scripts', 'test'], layerMessage('core', 'core')),
            zone('server', ['cloudfunctions', 'miniprogram', 'dev', 'scripts', 'test'], layerMessage('server', 'core')),
            zone('cloudfunctions/*/src/**', ['miniprogram', 'dev', 'scripts', 'test'], layerMessage('a cloud function', 'server and core')),
            zone(
              'miniprogram/src',
              ['server', 'cloudfunctions', 'dev', 'scripts', 'test'],
              layerMessage('miniprogram', 'core and its own'),
            ),
            ...PRODUCTION.map(noTestHelpers),
          ],
        },
      ],
    },
  },
  {
    files: LAYERS.core,
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.filter((name) => !name.includes('*')).map((name) => ({
            name,
            message: 'core is pure: no Node APIs (it is given what it needs through a port).',
          })),
          patterns: [
            { group: ['node:*'], message: 'core is pure: no Node APIs (it is given what it needs through a port).' },
            { group: ['wx-server-sdk', '@cloudbase/*'], message: 'core knows no cloud SDK: repositories in server/ do.' },
            { group: ['@tarojs/*', 'react', 'react-dom'], message: 'core knows no UI framework.' },
          ],
        },
      ],
    },
  },
  {
    files: [...LAYERS.server, ...LAYERS.cloudfunctions],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tarojs/*', 'react', 'react-dom'], message: 'server code knows no UI framework.' }] },
      ],
    },
  },
  {
    files: LAYERS.miniprogram,
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.filter((name) => !name.includes('*')).map((name) => ({
            name,
            message: 'the mini-program runs in WeChat, not Node.',
          })),
          patterns: [
            { group: ['node:*'], message: 'the mini-program runs in WeChat, not Node.' },
            { group: ['wx-server-sdk'], message: 'the mini-program reaches the cloud through Taro.cloud, not the server SDK.' },
          ],
        },
      ],
    },
  },
)
