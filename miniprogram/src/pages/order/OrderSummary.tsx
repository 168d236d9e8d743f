import { Text, View } from '@tarojs/components'
import type { OrderDoc } from '@core/api'
import { Price } from '../../components/price/Price'
import { ProductThumb } from '../../components/product-thumb/ProductThumb'
import { formatDateTime } from '../../format/time'
import { t } from '../../i18n/zh-CN'

export interface OrderSummaryProps {
  order: OrderDoc
  zone: string
}

const classPrefix = 'ps-order-summary'

/** What was bought and where it goes; the phone is stored masked (core/api MaskedAddress). */
export function OrderSummary({ order, zone }: OrderSummaryProps) {
  const { address } = order
  return (
    <View className={`ps-card ${classPrefix}`}>
      <View className={`${classPrefix}__address`}>
        <Text className={`${classPrefix}__receiver`}>
          {address.userName} {address.telMasked}
        </Text>
        <Text
          className={`${classPrefix}__where`}
        >{`${address.provinceName}${address.cityName}${address.countyName}${address.detailInfo}`}</Text>
      </View>
      {order.items.map((item) => (
        <View key={item.productId} className={`${classPrefix}__item`}>
          <ProductThumb productId={item.productId} title={item.title} size='small' />
          <Text className={`${classPrefix}__title`}>{item.title}</Text>
          <View className={`${classPrefix}__price`}>
            <Price fen={item.priceFen} size='small' muted />
            <Text className={`${classPrefix}__qty`}>×{item.quantity}</Text>
          </View>
        </View>
      ))}
      <View className={`${classPrefix}__total`}>
        <Text className={`${classPrefix}__label`}>{t.orders.paidAmount}</Text>
        <Price fen={order.totalFen} />
      </View>
      <View className={`${classPrefix}__facts`}>
        <Text className={`${classPrefix}__fact`}>
          {t.tracking.orderNo}：{order._id}
        </Text>
        <Text className={`${classPrefix}__fact`}>
          {t.tracking.orderTime}：{formatDateTime(order.createdAt, zone)}
        </Text>
      </View>
    </View>
  )
}
