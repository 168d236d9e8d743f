// The one module pages use to reach the cloud (DESIGN §3.5). Which backend is decided at build time
// by constants the Taro config defines, so each build bundles only its own:
// - a release weapp build (`npm run build:weapp`): Taro.cloud (= wx.cloud);
// - a local build (`build:weapp:local`, `build:h5:local`: LOCAL_CLOUD_BUILD_URL is set): the dev
//   adapter in ./local, the @cloudbase/database client speaking to the local cloud;
// - a release H5 build: no cloud at all (H5 exists only against the local cloud), said plainly.
import type * as LocalCloud from './local/localCloud'
import type * as NoCloud from './noCloudClient'
import type * as TaroCloud from './taroCloudClient'
import type { CloudClient } from './types'

export type { CloudClient, WatchChange, WatchHandlers, WatchSnapshot, Watcher } from './types'

let current: CloudClient | null = null

function createForBuild(): CloudClient {
  if (process.env.LOCAL_CLOUD_BUILD_URL) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at build time: a static import would bundle every backend into every build
    const { localCloud } = require('./local/localCloud') as typeof LocalCloud
    return localCloud().client
  }
  if (process.env.TARO_ENV === 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at build time: a static import would bundle every backend into every build
    const { createTaroCloudClient } = require('./taroCloudClient') as typeof TaroCloud
    return createTaroCloudClient(process.env.TARO_APP_CLOUD_ENV || undefined)
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at build time: a static import would bundle every backend into every build
  const { noCloudClient } = require('./noCloudClient') as typeof NoCloud
  return noCloudClient()
}

export function cloud(): CloudClient {
  current ??= createForBuild()
  return current
}
