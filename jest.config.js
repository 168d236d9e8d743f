// One project per kind of test (DESIGN §6). `npm test` (scripts/test.ts) builds first, then runs all.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
]

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/core/$1',
    '\\.(css|scss|less)$': '<rootDir>/test/taro/styleStub.js',
  },
  // Built artefacts are loaded as they ship; jest must not re-transform them.
  transformIgnorePatterns: [
    '/node_modules/',
    '/miniprogram/dist/',
    '/miniprogram/dist-h5/',
    '/miniprogram/dist-test/',
    '/cloudfunctions/[^/]+/index\\.js$',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/miniprogram/dist', '/.devcloud/'],
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/{core,server,dev,scripts}/**/*.test.ts',
        '<rootDir>/test/property/**/*.test.ts',
        '<rootDir>/test/support/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'contract',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'functions',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/miniprogram/src/**/*.test.{ts,tsx}'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/test/taro/components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/taro/taro.ts',
      },
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    // Issue 8: fault injection, load and security suites (local worlds, child processes; bounded).
    {
      ...common,
      displayName: 'reliability',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'security',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/security/**/*.test.ts'],
    },
    // Chromium start-up and page loads on a shared 2-core box: generous limits, still bounded.
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/jest/longTimeout.js'],
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
