// The order being shipped: receiver (phone masked) and the items, as the 录入运单 page shows it.
// Styled by the ship page's stylesheet (mc-ship__*), whose grid places it.
import { Text, View } from '@tarojs/components'
import type { OrderDoc } from '@core/api'
import { m } from '../../strings'

export function ShipOrderCard({ order }: { order: OrderDoc }) {
  return (
    <View className='mc-card mc-ship__order'>
      <Text className='mc-card__title'>
        {m.backfill.order} <Text className='mc-mono mc-ship__order-id'>{order._id}</Text>
      </Text>
      <View className='mc-ship__receiver'>
        <Text className='mc-ship__label'>{m.backfill.receiver}</Text>
        <Text className='mc-ship__value'>
          {order.address.userName} <Text className='mc-mono'>{order.address.telMasked}</Text>
        </Text>
        <Text className='mc-ship__value mc-muted'>
          {order.address.provinceName} {order.address.cityName} {order.address.countyName} {order.address.detailInfo}
        </Text>
      </View>
      <Text className='mc-ship__label'>{m.backfill.items}</Text>
      {order.items.map((item) => (
        <View key={item.productId} className='mc-ship__item'>
          <Text>{item.title}</Text>
          <Text className='mc-muted'>×{item.quantity}</Text>
        </View>
      ))}
    </View>
  )
}
