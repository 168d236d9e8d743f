import { Text, View } from '@tarojs/components'
import type { ItemLeft } from '../../backfill/itemsLeftToShip'
import { m } from '../../strings'
import './index.css'

export interface ItemAllocationProps {
  items: readonly ItemLeft[]
  quantities: Readonly<Record<string, number>>
  onChange(productId: string, quantity: number): void
}

const classPrefix = 'mc-allocation'

/** Which items go in this parcel (split shipments); optional — none means "the rest of the order". */
export function ItemAllocation({ items, quantities, onChange }: ItemAllocationProps) {
  return (
    <View className={classPrefix}>
      <Text className={`${classPrefix}__title`}>{m.backfill.allocation}</Text>
      {items.map((item) => {
        const quantity = quantities[item.productId] ?? 0
        return (
          <View key={item.productId} className={`${classPrefix}__row`} data-product-id={item.productId}>
            <View className={`${classPrefix}__item`}>
              <Text className={`${classPrefix}__name`}>{item.title}</Text>
              <Text className={`${classPrefix}__left mc-muted`}>
                {m.backfill.allocationLeft(item.left)} / {item.ordered}
              </Text>
            </View>
            <View className={`${classPrefix}__stepper`}>
              <View
                className={`${classPrefix}__step${quantity === 0 ? ` ${classPrefix}__step--off` : ''}`}
                data-step='minus'
                onClick={() => {
                  if (quantity > 0) onChange(item.productId, quantity - 1)
                }}
              >
                <Text>−</Text>
              </View>
              <Text className={`${classPrefix}__quantity`}>{quantity}</Text>
              <View
                className={`${classPrefix}__step${quantity >= item.left ? ` ${classPrefix}__step--off` : ''}`}
                data-step='plus'
                onClick={() => {
                  if (quantity < item.left) onChange(item.productId, quantity + 1)
                }}
              >
                <Text>+</Text>
              </View>
            </View>
          </View>
        )
      })}
      <Text className={`${classPrefix}__hint mc-muted`}>{m.backfill.allocationAll}</Text>
    </View>
  )
}
