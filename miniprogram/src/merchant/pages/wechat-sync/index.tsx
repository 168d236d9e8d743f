// 微信发货同步: each shipped order's 发货信息 as WeChat knows it — 未同步 / 同步中 / 已同步 / 失败 with the
// reason — and 重试 where a retry can help; subscribe messages WeChat refused for their content are
// listed under their order (a template or data problem to fix in config).
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { SYNC_STATE_LABELS, type WechatSyncRow } from '@core/api'
import { toast } from '../../../services/shopper/toast'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { merchantApi } from '../../services/merchantApi'
import { m } from '../../strings'
import './index.css'

type Board = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; rows: WechatSyncRow[] }

function SyncBody() {
  const [board, setBoard] = useState<Board>({ kind: 'loading' })
  const [retrying, setRetrying] = useState<string | null>(null)

  async function load() {
    try {
      const result = await merchantApi.wechatSync()
      setBoard(result.ok ? { kind: 'ready', rows: result.rows } : { kind: 'failed' })
    } catch {
      setBoard((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }
  useLoadOnShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  async function retry(orderId: string) {
    setRetrying(orderId)
    try {
      const result = await merchantApi.retryShippingSync(orderId)
      toast(result.ok ? `${SYNC_STATE_LABELS[result.shippingSync.state]}` : result.message)
      await load()
    } catch {
      toast(m.networkError)
    } finally {
      setRetrying(null)
    }
  }

  if (board.kind === 'loading')
    return (
      <View className='mc-sync__placeholder'>
        <Text>{m.loading}</Text>
      </View>
    )
  if (board.kind === 'failed')
    return (
      <View className='mc-sync__placeholder'>
        <Text>{m.loadFailed}</Text>
      </View>
    )
  if (board.rows.length === 0)
    return (
      <View className='mc-sync__placeholder' data-empty='yes'>
        <Text>还没有已发货的订单</Text>
      </View>
    )
  return (
    <View className='mc-sync'>
      {board.rows.map(({ order, sync, failedNotifications }) => {
        const state = sync?.state ?? 'unsynced'
        const numbers = order.parcels
          .filter((parcel) => !parcel.superseded)
          .map((parcel) => parcel.trackingNo)
          .join('、')
        return (
          <View key={order._id} className='mc-sync__row' data-order={order._id} data-state={state}>
            <Text className='mc-sync__order'>{order._id}</Text>
            <Text className='mc-sync__numbers'>{numbers}</Text>
            <Text className='mc-sync__state' data-state={state}>
              {SYNC_STATE_LABELS[state]}
            </Text>
            {sync?.lastError && state !== 'synced' && <Text className='mc-sync__reason'>{sync.lastError}</Text>}
            {failedNotifications.map((failed) => (
              <Text key={`${failed.parcelId}:${failed.event}`} className='mc-sync__reason'>
                订阅消息未发出：{failed.lastError ?? ''}
              </Text>
            ))}
            {(state === 'failed' || state === 'unsynced') && (
              <Text
                className='mc-link mc-sync__retry'
                onClick={() => {
                  if (retrying === null) retry(order._id)
                }}
              >
                {retrying === order._id ? '同步中…' : '重试'}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}

export default function WechatSyncPage() {
  return (
    <MerchantShell active='wechatSync' title='微信发货同步'>
      {() => <SyncBody />}
    </MerchantShell>
  )
}
