import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { isMerchant } from '../../services/shopper/merchantSession'
import { visibleTabs, type TabItem } from './tabs'
import './index.css'

export interface TabBarProps {
  /** The route of the page the bar sits on (`pages/orders/index`). */
  current: string
}

const classPrefix = 'ps-tab-bar'

function open(tab: TabItem) {
  const url = `/${tab.pagePath}`
  if (tab.open === 'navigateTo') Taro.navigateTo({ url })
  else Taro.switchTab({ url })
}

export function TabBar({ current }: TabBarProps) {
  const [merchant, setMerchant] = useState(false)
  useEffect(() => {
    let alive = true
    isMerchant().then((yes) => {
      if (alive) setMerchant(yes)
    })
    return () => {
      alive = false
    }
  }, [])
  return (
    <View className={classPrefix}>
      {visibleTabs(merchant).map((tab) => {
        const active = tab.pagePath === current
        return (
          <View
            key={tab.key}
            className={`${classPrefix}__item${active ? ` ${classPrefix}__item--active` : ''}`}
            data-tab={tab.key}
            onClick={() => {
              if (!active) open(tab)
            }}
          >
            <View className={`${classPrefix}__icon ${classPrefix}__icon--${tab.key}${active ? '-active' : ''}`} />
            <Text className={`${classPrefix}__text`}>{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** On H5 Taro draws no custom tab bar itself (its router skips `tabBar.custom`), so tab pages render it. */
export function H5TabBar({ current }: TabBarProps) {
  return process.env.TARO_ENV === 'h5' ? <TabBar current={current} /> : null
}
