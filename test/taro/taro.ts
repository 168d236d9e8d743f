// A stand-in for @tarojs/taro in jsdom component tests: the platform APIs components call are jest
// functions a test can assert on; page lifecycle hooks run as effects. Page lifecycles proper are
// exercised on the real build (test/weapp, test/e2e).
import { useEffect } from 'react'

type Handler = () => void

export const useLoad = (handler: (params: Record<string, string>) => void) => useEffect(() => handler({}), [])
export const useDidShow = (handler: Handler) => useEffect(() => handler(), [])
export const useDidHide = (_handler: Handler) => undefined
export const useUnload = (handler: Handler) => useEffect(() => handler, [])
export const usePullDownRefresh = (_handler: Handler) => undefined
export const useReachBottom = (_handler: Handler) => undefined
export const useRouter = () => ({ params: {} as Record<string, string>, path: '' })

const Taro = {
  setClipboardData: jest.fn(async (_options: { data: string }) => ({ errMsg: 'setClipboardData:ok' })),
  makePhoneCall: jest.fn(async (_options: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' })),
  scanCode: jest.fn(async (_options: unknown) => ({ result: '', scanType: 'CODE_128', errMsg: 'scanCode:ok' })),
  showToast: jest.fn(async (_options: unknown) => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async (_options: unknown) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  navigateTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async (_options: { url: string }) => ({ errMsg: 'switchTab:ok' })),
  stopPullDownRefresh: jest.fn(() => undefined),
  getTabBar: jest.fn(() => undefined),
  useLoad,
  useDidShow,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
}

export default Taro
