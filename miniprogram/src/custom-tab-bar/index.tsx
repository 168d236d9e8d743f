// WeChat's custom tabBar (app.config `tabBar.custom: true`): WeChat creates one instance per tab
// page, so the current route is read once when the instance is created.
import Taro from '@tarojs/taro'
import { TabBar } from '../components/tab-bar/TabBar'

function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  return pages[pages.length - 1]?.route ?? ''
}

export default function CustomTabBar() {
  return <TabBar current={currentRoute()} />
}
