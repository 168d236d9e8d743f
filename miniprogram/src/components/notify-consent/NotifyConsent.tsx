// 订阅物流通知 on an undelivered order: the shopper's setting is read when the card appears, so the
// tap itself calls wx.requestSubscribeMessage first (WeChat accepts it only from a tap); at most 3
// templates; always-refused ones are not asked again; the answers become credits (notificationConsent).
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { OrderStatus } from '@core/api/documents'
import type { ConsentTemplate } from '@core/notify/consent'
import { consentPlan, type SubscriptionsSetting } from '@core/notify/consentRequest'
import { shopperApi } from '../../services/shopper/shopperApi'
import './index.css'

type State =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'subscribed'; count: number }
  | { kind: 'declined' }
  | { kind: 'switched_off' }
  | { kind: 'failed' }

const TEXT: Record<State['kind'], string> = {
  idle: '派送、签收和异常时微信通知我',
  asking: '请在弹窗中选择…',
  subscribed: '',
  declined: '未订阅，可随时再点',
  switched_off: '订阅消息已在微信设置中关闭',
  failed: '订阅失败，请稍后再试',
}

export function NotifyConsent({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const [templates, setTemplates] = useState<ConsentTemplate[]>([])
  const [setting, setSetting] = useState<SubscriptionsSetting | undefined>(undefined)
  const [state, setState] = useState<State>({ kind: 'idle' })

  useEffect(() => {
    let live = true
    shopperApi
      .notificationTemplates()
      .then((result) => {
        if (live && result.ok) setTemplates(result.templates)
      })
      .catch(() => undefined)
    Taro.getSetting({ withSubscriptions: true })
      .then((result) => {
        if (live) setSetting((result as { subscriptionsSetting?: SubscriptionsSetting }).subscriptionsSetting)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])

  const plan = consentPlan(templates, status, setting)
  if (plan.kind === 'nothing_to_ask') return null

  async function ask() {
    if (plan.kind !== 'ask') return setState({ kind: 'switched_off' })
    setState({ kind: 'asking' })
    try {
      const answer = await Taro.requestSubscribeMessage({ tmplIds: plan.templateIds, entityIds: [] } as Parameters<
        typeof Taro.requestSubscribeMessage
      >[0])
      const results = Object.fromEntries(
        plan.templateIds.map((id) => [id, String((answer as unknown as Record<string, unknown>)[id] ?? 'reject')]),
      )
      const recorded = await shopperApi.recordConsent(orderId, results)
      if (!recorded.ok) return setState({ kind: 'failed' })
      const accepted = Object.values(results).filter((result) => result === 'accept').length
      setState(accepted > 0 ? { kind: 'subscribed', count: accepted } : { kind: 'declined' })
    } catch {
      setState({ kind: 'failed' })
    }
  }

  const shown = plan.kind === 'switched_off' ? 'switched_off' : state.kind
  return (
    <View className='ps-card ps-notify-consent' data-state={shown}>
      <Text className='ps-notify-consent__text'>{state.kind === 'subscribed' ? `已订阅 ${state.count} 项物流通知` : TEXT[shown]}</Text>
      {plan.kind === 'ask' && state.kind !== 'asking' && (
        <Text
          className='ps-notify-consent__button'
          onClick={() => {
            ask()
          }}
        >
          {state.kind === 'subscribed' ? '再订阅' : '订阅物流通知'}
        </Text>
      )}
    </View>
  )
}
