// jsdom for miniprogram-simulate, plus the Node globals the in-process local cloud needs (fetch,
// structuredClone, setImmediate, TextEncoder …), and Node export conditions so `ws` resolves to
// its Node build, and a clock that starts at a fixed instant (test/support/shiftedDate.js). Selected
// per file with `@jest-environment ./test/weapp/weappEnvironment.js`, so the shared jest.config.js
// stays as it is.
const { TestEnvironment } = require('jest-environment-jsdom')
const { fixedNowFromEnv, shiftedDate } = require('../support/shiftedDate')

const NODE_GLOBALS = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'structuredClone',
  'setImmediate',
  'clearImmediate',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'performance',
]

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    const projectConfig = {
      ...config.projectConfig,
      testEnvironmentOptions: { ...config.projectConfig.testEnvironmentOptions, customExportConditions: ['node', 'node-addons'] },
    }
    super({ ...config, projectConfig }, context)
    for (const name of NODE_GLOBALS) {
      if (this.global[name] === undefined && globalThis[name] !== undefined) this.global[name] = globalThis[name]
    }
    // Every weapp world (page, in-process local cloud, fixtures) starts at one fixed instant, so what
    // the page shows (今天/昨天, day groups, 3小时前) and what it costs do not depend on the run's date.
    this.global.Date = shiftedDate(this.global.Date, fixedNowFromEnv())
    // ...and in the shoppers' zone (the page formats in the device's zone): a run on a UTC machine
    // and one in Shanghai show the same 今天/明天. Node picks a TZ assigned at run time up at once.
    process.env.TZ = process.env.TEST_TZ || 'Asia/Shanghai'
  }
}

module.exports = WeappEnvironment
