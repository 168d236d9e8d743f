import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { StateView } from '../../../components/state-view/StateView'
import { merchantSession, type MerchantSession } from '../../services/merchantSession'
import { m } from '../../strings'
import { SECTIONS, type SectionKey } from './sections'
import './common.css'
import './index.css'

export interface MerchantShellProps {
  active: SectionKey
  title: string
  /** Right side of the page header (desktop) / under the title (phone). */
  actions?: ReactNode
  /** Rendered only once the caller is known to be a merchant, so pages never call functions for others. */
  children: (merchantName: string) => ReactNode
}

const classPrefix = 'mc-shell'

function go(path: string) {
  Taro.redirectTo({ url: path })
}

/** Every console page: the section nav (tabs on a phone, a sidebar on a desktop) and the merchant gate. */
export function MerchantShell({ active, title, actions, children }: MerchantShellProps) {
  const [session, setSession] = useState<MerchantSession | null>(null)
  const ask = () => {
    setSession(null)
    merchantSession().then(setSession)
  }
  useEffect(ask, [])

  return (
    <View className={classPrefix}>
      <View className={`${classPrefix}__side`}>
        <View className={`${classPrefix}__brand`}>
          <View className={`${classPrefix}__logo`} />
          <Text className={`${classPrefix}__brand-text`}>{m.title}</Text>
        </View>
        <View className={`${classPrefix}__nav`}>
          {SECTIONS.map((section) => {
            const current = section.key === active || (active === 'ship' && section.key === 'toShip')
            return (
              <View
                key={section.key}
                className={`${classPrefix}__nav-item${current ? ` ${classPrefix}__nav-item--active` : ''}`}
                data-section={section.key}
                onClick={() => {
                  if (section.key !== active) go(section.path)
                }}
              >
                <View className={`${classPrefix}__nav-icon ${classPrefix}__nav-icon--${section.key}`} />
                <Text className={`${classPrefix}__nav-text`}>{section.text}</Text>
              </View>
            )
          })}
        </View>
        {session?.kind === 'merchant' && <Text className={`${classPrefix}__who`}>{session.name}</Text>}
      </View>
      <View className={`${classPrefix}__main`}>
        <View className={`${classPrefix}__header`}>
          <Text className={`${classPrefix}__title`}>{title}</Text>
          {actions && session?.kind === 'merchant' && <View className={`${classPrefix}__actions`}>{actions}</View>}
        </View>
        <View className={`${classPrefix}__body`}>
          {session === null && (
            <View className={`${classPrefix}__placeholder`}>
              <Text>{m.loading}</Text>
            </View>
          )}
          {session?.kind === 'not_merchant' && <StateView icon='stop' tone='muted' title={m.notMerchantTitle} body={m.notMerchantBody} />}
          {session?.kind === 'failed' && (
            <StateView icon='alert' tone='danger' title={m.loadFailed} body={m.networkError} action={{ text: m.retry, onClick: ask }} />
          )}
          {session?.kind === 'merchant' && children(session.name)}
        </View>
      </View>
    </View>
  )
}
