// Page content mounts only after the merchant check resolves, which is after the page's first
// onShow: so it loads on mount, and again each time the page comes back after being hidden (back
// from an order, or from another app) — never twice for one show.
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

export function useLoadOnShow(load: () => void): void {
  const hidden = useRef(false)
  const latest = useRef(load)
  latest.current = load
  useEffect(() => {
    latest.current()
  }, [])
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    latest.current()
  })
}
