// 待发货: orders waiting for tracking numbers, oldest wait visible at a glance; search by order id,
// receiver or phone tail (server side), quick filters over what is loaded, 20 per page.
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { OrderDoc } from '@core/api'
import { FilterChips } from '../../components/filter-chips/FilterChips'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { shipPageUrl } from '../../components/merchant-shell/sections'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { merchantApi } from '../../services/merchantApi'
import { m } from '../../strings'
import { filterToShip, toShipRow, TO_SHIP_FILTERS, type ToShipFilter } from '../../views/toShipView'
import './index.css'

type List =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; orders: OrderDoc[]; nextBefore: number | null; loadingMore: boolean; now: number }

function ToShipBody() {
  const [list, setList] = useState<List>({ kind: 'loading' })
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<ToShipFilter>('all')
  /** The search the list shows; answers to an older search are dropped. */
  const searched = useRef('')

  async function loadFirst(search = searched.current) {
    searched.current = search
    try {
      const result = await merchantApi.toShip(search)
      if (search !== searched.current) return
      setList(
        result.ok
          ? { kind: 'ready', orders: result.orders, nextBefore: result.nextBefore, loadingMore: false, now: Date.now() }
          : { kind: 'failed' },
      )
    } catch {
      setList((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }

  async function loadMore() {
    if (list.kind !== 'ready' || list.nextBefore === null || list.loadingMore) return
    const search = searched.current
    setList({ ...list, loadingMore: true })
    try {
      const result = await merchantApi.toShip(search, list.nextBefore)
      if (search !== searched.current) return
      setList(
        result.ok
          ? { ...list, orders: [...list.orders, ...result.orders], nextBefore: result.nextBefore, loadingMore: false }
          : { ...list, loadingMore: false },
      )
    } catch {
      setList({ ...list, loadingMore: false })
    }
  }

  useLoadOnShow(() => {
    loadFirst()
  })
  usePullDownRefresh(() => {
    loadFirst().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    loadMore()
  })

  const search = (text: string) => {
    setList({ kind: 'loading' })
    loadFirst(text.trim())
  }
  const shown = list.kind === 'ready' ? filterToShip(list.orders, filter, list.now) : []

  return (
    <View className='mc-to-ship'>
      <View className='mc-to-ship__search'>
        <Input
          className='mc-input mc-to-ship__input'
          value={query}
          placeholder={m.toShip.searchPlaceholder}
          confirmType='search'
          data-field='search'
          onInput={(event) => setQuery(event.detail.value)}
          onConfirm={(event) => search(event.detail.value)}
        />
        <Button className='mc-button mc-to-ship__search-button' data-action='search' onClick={() => search(query)}>
          {m.toShip.search}
        </Button>
      </View>
      <FilterChips<ToShipFilter>
        options={TO_SHIP_FILTERS.map((key) => ({ key, text: m.toShip.filters[key] }))}
        active={filter}
        onChange={setFilter}
      />
      {list.kind === 'loading' && (
        <View className='mc-to-ship__placeholder'>
          <Text>{m.loading}</Text>
        </View>
      )}
      {list.kind === 'failed' && (
        <View className='mc-to-ship__placeholder'>
          <Text>{m.loadFailed}</Text>
          <Text className='mc-link mc-to-ship__retry' onClick={() => search(query)}>
            {m.retry}
          </Text>
        </View>
      )}
      {list.kind === 'ready' && shown.length === 0 && (
        <View className='mc-to-ship__placeholder' data-empty='yes'>
          <Text>
            {list.orders.length > 0 ? m.toShip.emptyFilter : searched.current ? m.toShip.emptySearch(searched.current) : m.toShip.empty}
          </Text>
        </View>
      )}
      {list.kind === 'ready' && shown.length > 0 && (
        <View className='mc-to-ship__table'>
          <View className='mc-to-ship__head'>
            <Text className='mc-to-ship__col mc-to-ship__col--order'>订单</Text>
            <Text className='mc-to-ship__col mc-to-ship__col--receiver'>收件人</Text>
            <Text className='mc-to-ship__col mc-to-ship__col--items'>商品</Text>
            <Text className='mc-to-ship__col mc-to-ship__col--wait'>等待</Text>
            <Text className='mc-to-ship__col mc-to-ship__col--action' />
          </View>
          {shown.map((order) => {
            const row = toShipRow(order, list.now)
            return (
              <View
                key={row.orderId}
                className='mc-to-ship__row'
                data-order-id={row.orderId}
                onClick={() => Taro.navigateTo({ url: shipPageUrl(row.orderId) })}
              >
                <View className='mc-to-ship__col mc-to-ship__col--order'>
                  <Text className='mc-mono mc-to-ship__order-id'>{row.orderId}</Text>
                  <Text className={`mc-tag ${order.status === 'PAID' ? 'mc-tag--progress' : 'mc-tag--warning'}`}>{row.statusText}</Text>
                  {row.parcelsText && <Text className='mc-to-ship__parcels mc-muted'>{row.parcelsText}</Text>}
                </View>
                <View className='mc-to-ship__col mc-to-ship__col--receiver'>
                  <Text className='mc-to-ship__name'>
                    {row.receiver} <Text className='mc-mono mc-muted'>{row.phone}</Text>
                  </Text>
                  <Text className='mc-to-ship__region mc-muted'>{row.region}</Text>
                </View>
                <View className='mc-to-ship__col mc-to-ship__col--items'>
                  <Text>{row.itemsText}</Text>
                  <Text className='mc-muted mc-to-ship__count'>{m.toShip.items(row.itemCount)}</Text>
                </View>
                <Text className={`mc-to-ship__col mc-to-ship__col--wait ${row.overdue ? 'mc-tone--danger' : 'mc-muted'}`}>
                  {row.waitingText}
                </Text>
                <View className='mc-to-ship__col mc-to-ship__col--action'>
                  <Text className='mc-button mc-button--small mc-to-ship__ship'>{m.toShip.ship}</Text>
                </View>
              </View>
            )
          })}
        </View>
      )}
      {list.kind === 'ready' && list.orders.length > 0 && (
        <View className='mc-to-ship__footer'>
          <Text className='mc-muted'>{m.toShip.shown(list.orders.length)}</Text>
          {list.nextBefore === null ? (
            <Text className='mc-muted mc-to-ship__end'>{m.toShip.noMore}</Text>
          ) : (
            <Button
              className='mc-button mc-button--plain mc-button--small mc-to-ship__more'
              data-action='load-more'
              onClick={() => {
                loadMore()
              }}
            >
              {list.loadingMore ? m.loading : m.toShip.loadMore}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

export default function ToShipPage() {
  return (
    <MerchantShell active='toShip' title={m.nav.toShip}>
      {() => <ToShipBody />}
    </MerchantShell>
  )
}
