import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import * as path from 'path'
import { buildTarget, LocalBuildMarker, markerContent, outputRoot, writeDevtoolsPrivateConfig } from './localBuild'

// core/ lives outside the Taro root, so babel must be told to compile it (reference/taro.md §1.3).
const core = path.resolve(__dirname, '..', '..', 'core')
// A release build, or one against the local cloud (CLOUD_TARGET=local; see localBuild.ts).
const target = buildTarget(process.env)
const platform = process.env.TARO_ENV ?? 'weapp'
type Chain = { plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown } }
const markLocal = (chain: Chain) => {
  if (target.local) chain.plugin('localBuildMarker').use(LocalBuildMarker, [markerContent(target, platform)])
}
if (target.local && platform === 'weapp') writeDevtoolsPrivateConfig(path.resolve(__dirname, '..', '..'))

export default defineConfig<'webpack5'>(async (merge) =>
  merge({}, {
    projectName: 'parcel-storefront',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: outputRoot(process.env.TARO_ENV, process.env),
    alias: { '@core': core },
    // services/cloud/index.ts picks its backend by this; '' leaves the dev adapter out of the bundle.
    defineConstants: { 'process.env.LOCAL_CLOUD_BUILD_URL': JSON.stringify(target.localCloudUrl) },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [core] },
      postcss: { pxtransform: { enable: true, config: {} } },
      // Component styles are BEM-prefixed and never rely on cascade order between files.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: markLocal,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [core] },
      postcss: { autoprefixer: { enable: true, config: {} } },
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: markLocal,
    },
  } satisfies UserConfigExport<'webpack5'>),
)
