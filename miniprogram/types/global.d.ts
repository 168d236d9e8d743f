/// <reference types="@tarojs/taro" />

declare module '*.css'
declare module '*.png'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_CLOUD_ENV?: string
    /** Set by the Taro config: the local cloud's URL in a local build, '' in a release build. */
    LOCAL_CLOUD_BUILD_URL?: string
  }
}
