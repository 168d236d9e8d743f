import { Text, View } from '@tarojs/components'
import { ProductThumb } from '../product-thumb/ProductThumb'
import type { ParcelTab } from './parcelTabs'
import './index.css'

export interface ParcelSwitcherProps {
  tabs: ParcelTab[]
  selectedId: string
  onSelect(parcelId: string): void
}

const classPrefix = 'ps-parcel-switcher'

/** 包裹1 / 包裹2 tabs for a split shipment, and what travels in the selected parcel. */
export function ParcelSwitcher({ tabs, selectedId, onSelect }: ParcelSwitcherProps) {
  const selected = tabs.find((tab) => tab.parcelId === selectedId) ?? tabs[0]
  if (!selected) return null
  return (
    <View className={classPrefix}>
      {tabs.length > 1 && (
        <View className={`${classPrefix}__tabs`}>
          {tabs.map((tab) => (
            <View
              key={tab.parcelId}
              className={`${classPrefix}__tab${tab.parcelId === selected.parcelId ? ` ${classPrefix}__tab--active` : ''}`}
              data-parcel-id={tab.parcelId}
              onClick={() => onSelect(tab.parcelId)}
            >
              <Text className={`${classPrefix}__tab-label`}>{tab.label}</Text>
              <Text className={`${classPrefix}__tab-status ${classPrefix}__tab-status--${tab.tone}`}>{tab.statusLabel}</Text>
            </View>
          ))}
        </View>
      )}
      <View className={`${classPrefix}__items`}>
        {selected.items.map((item) => (
          <View key={item.productId} className={`${classPrefix}__item`}>
            <ProductThumb productId={item.productId} title={item.title} size='small' />
            <Text className={`${classPrefix}__item-qty`}>×{item.quantity}</Text>
          </View>
        ))}
        {selected.items.length === 1 && <Text className={`${classPrefix}__item-title`}>{selected.items[0]?.title}</Text>}
        <Text className={`${classPrefix}__items-text`}>{selected.itemsText}</Text>
      </View>
    </View>
  )
}
