// 我的订单 (tab): newest first, a status chip per parcel and the latest logistics line per order.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderDoc } from '@core/api'
import { Price } from '../../components/price/Price'
import { ProductThumb } from '../../components/product-thumb/ProductThumb'
import { StateView } from '../../components/state-view/StateView'
import { StatusChip } from '../../components/status-chip/StatusChip'
import { orderCardView } from '../../components/status-chip/orderCardView'
import { H5TabBar } from '../../components/tab-bar/TabBar'
import { formatDateTime, shopperZone } from '../../format/time'
import { t } from '../../i18n/zh-CN'
import { shopperApi } from '../../services/shopper/shopperApi'
import './index.css'
import { withLocalCloudBar } from '../../components/local-cloud-bar/withLocalCloudBar'
import { AskParcel } from '../../components/ask-parcel/AskParcel'
import { ASSISTANT_TEXT } from '../../components/ask-parcel/assistantText'
import { AssistantAccess } from '../../components/assistant-access/AssistantAccess'
import { assistantApi } from '../../services/shopper/assistantApi'

const zone = shopperZone()

type OrderList =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; orders: OrderDoc[]; nextBefore: number | null; loadingMore: boolean }

function OrdersPage() {
  const [list, setList] = useState<OrderList>({ kind: 'loading' })
  const [now, setNow] = useState(() => Date.now())
  const [showConnect, setShowConnect] = useState(false)
  const openOrder = (orderId: string) => {
    Taro.navigateTo({ url: `/pages/order/detail?id=${orderId}` })
  }

  async function loadFirst() {
    try {
      const result = await shopperApi.listMyOrders()
      setNow(Date.now())
      setList(result.ok ? { kind: 'ready', orders: result.orders, nextBefore: result.nextBefore, loadingMore: false } : { kind: 'failed' })
    } catch {
      setList((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }

  async function loadMore() {
    if (list.kind !== 'ready' || list.nextBefore === null || list.loadingMore) return
    setList({ ...list, loadingMore: true })
    try {
      const result = await shopperApi.listMyOrders(list.nextBefore)
      if (result.ok)
        setList({ kind: 'ready', orders: [...list.orders, ...result.orders], nextBefore: result.nextBefore, loadingMore: false })
      else setList({ ...list, loadingMore: false })
    } catch {
      setList({ ...list, loadingMore: false })
    }
  }

  // Every return to the tab re-reads: an order placed or shipped meanwhile shows up.
  useDidShow(() => {
    loadFirst()
  })
  usePullDownRefresh(() => {
    loadFirst().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    loadMore()
  })

  return (
    <View className='ps-page ps-page--tab ps-orders'>
      {list.kind === 'loading' &&
        [0, 1, 2].map((index) => <View key={index} className='ps-card ps-orders__card ps-orders__card--placeholder' />)}
      {list.kind === 'failed' && (
        <StateView
          icon='alert'
          tone='danger'
          title={t.tracking.loadFailed}
          body={t.common.networkError}
          action={{
            text: t.common.retry,
            onClick: () => {
              setList({ kind: 'loading' })
              loadFirst()
            },
          }}
        />
      )}
      {list.kind === 'ready' && list.orders.length === 0 && (
        <StateView
          icon='box'
          tone='muted'
          title={t.orders.empty}
          action={{
            text: t.orders.goShopping,
            onClick: () => {
              Taro.switchTab({ url: '/pages/index/index' })
            },
          }}
        />
      )}
      {list.kind === 'ready' && list.orders.length > 0 && <AskParcel ask={assistantApi.ask} onOpenOrder={openOrder} />}
      {list.kind === 'ready' &&
        list.orders.map((order) => {
          const card = orderCardView(order, now, zone)
          return (
            <View
              key={order._id}
              className='ps-card ps-orders__card'
              data-order-id={order._id}
              onClick={() => Taro.navigateTo({ url: `/pages/order/detail?id=${order._id}` })}
            >
              <View className='ps-orders__head'>
                <Text className='ps-orders__time'>{formatDateTime(order.createdAt, zone)}</Text>
                <Text className='ps-orders__status'>{card.statusText}</Text>
              </View>
              <View className='ps-orders__items'>
                {order.items.slice(0, 4).map((item) => (
                  <ProductThumb key={item.productId} productId={item.productId} title={item.title} size='small' />
                ))}
                {order.items.length === 1 && <Text className='ps-orders__item-title'>{order.items[0]?.title}</Text>}
                <View className='ps-orders__amount'>
                  <Price fen={order.totalFen} muted />
                  <Text className='ps-orders__count'>{card.itemsCount}</Text>
                </View>
              </View>
              {card.chips.length > 0 && (
                <View className='ps-orders__chips'>
                  {card.chips.map((chip) => (
                    <StatusChip key={chip.key} label={chip.label} tone={chip.tone} />
                  ))}
                </View>
              )}
              {card.latest && (
                <View className='ps-orders__latest'>
                  <Text className='ps-orders__latest-text'>{card.latest.text}</Text>
                  {card.latest.when && <Text className='ps-orders__latest-when'>{card.latest.when}</Text>}
                </View>
              )}
            </View>
          )
        })}
      {list.kind === 'ready' && list.orders.length > 0 && (
        <Text className='ps-orders__end'>
          {list.nextBefore === null ? t.orders.noMore : list.loadingMore ? t.common.loading : t.orders.loadMore}
        </Text>
      )}
      {list.kind === 'ready' && (
        <Text
          className='ps-orders__connect'
          onClick={() => setShowConnect(!showConnect)}
        >{`${ASSISTANT_TEXT.connect.title} ${showConnect ? '˄' : '›'}`}</Text>
      )}
      {showConnect && <AssistantAccess api={assistantApi} zone={zone} />}
      <H5TabBar current='pages/orders/index' />
    </View>
  )
}

export default withLocalCloudBar(OrdersPage)
