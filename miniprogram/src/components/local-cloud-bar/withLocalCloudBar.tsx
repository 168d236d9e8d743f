// Pages of a local weapp build carry the local-build banner and the identity badge; a release build
// gets the page itself. The condition is a build constant, so the release bundle holds neither the
// bar nor the dev adapter behind it. (H5 picks its identity with `?as=` and shows no bar.)
import type { ComponentType } from 'react'
import type * as Bar from './LocalCloudBar'

export function withLocalCloudBar<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  if (process.env.LOCAL_CLOUD_BUILD_URL && process.env.TARO_ENV === 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at build time: a static import would bundle the bar into release builds
    const { withBar } = require('./LocalCloudBar') as typeof Bar
    return withBar(Page)
  }
  return Page
}
