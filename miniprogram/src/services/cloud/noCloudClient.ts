// A release H5 build has no cloud backend: WeChat cloud development serves mini-programs, and the H5
// app exists to run against the local cloud (`npm run build:h5:local`). Every call says so instead
// of failing somewhere deeper.
import type { CloudClient } from './types'

export const NO_CLOUD_MESSAGE = 'this H5 build has no cloud backend: build it against the local cloud with `npm run build:h5:local`'

export function noCloudClient(): CloudClient {
  const refuse = () => Promise.reject(new Error(NO_CLOUD_MESSAGE))
  return {
    callFunction: refuse,
    query: refuse,
    watch: (_collection, _where, handlers) => {
      setTimeout(() => handlers.onError(new Error(NO_CLOUD_MESSAGE)), 0)
      return { close: async () => undefined }
    },
  }
}
