import Taro from '@tarojs/taro'

/** A short message without an icon, the way WeChat pages say "done" or "try later". */
export function toast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2000 })
}
