import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import * as path from 'path'

// core/ lives outside the Taro root, so babel must be told to compile it (reference/taro.md §1.3).
const core = path.resolve(__dirname, '..', '..', 'core')

export default defineConfig<'webpack5'>(async (merge) =>
  merge({}, {
    projectName: 'parcel-storefront',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    alias: { '@core': core },
    defineConstants: {},
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [core] },
      postcss: { pxtransform: { enable: true, config: {} } },
      // Component styles are BEM-prefixed and never rely on cascade order between files.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [core] },
      postcss: { autoprefixer: { enable: true, config: {} } },
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
  } satisfies UserConfigExport<'webpack5'>),
)
