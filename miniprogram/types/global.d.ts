/// <reference types="@tarojs/taro" />

declare module '*.css'
declare module '*.png'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_CLOUD_ENV?: string
  }
}
