// The local build's bar (local weapp builds only, see withLocalCloudBar): says this is the local
// build and which local cloud it talks to, switches the identity among the seeded ones, and while
// the local cloud does not answer says so with the command that starts it. When the cloud answers
// again the page is relaunched, so it reads and watches afresh.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ComponentType } from 'react'
import { DEV_IDENTITIES } from '../../services/cloud/local/devIdentities'
import { localCloud } from '../../services/cloud/local/localCloud'
import type { LocalCloudStatus } from '../../services/cloud/local/reachability'
import './index.css'

const prefix = 'ps-local-bar'
export const START_COMMAND = 'npm start'

function relaunchCurrentPage(): void {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return
  const path = router.path.split('?')[0] ?? ''
  // Taro adds its own `$taroTimestamp`-style params to the router; the page's own are the rest.
  const query = Object.entries(router.params)
    .filter(([key, value]) => !key.startsWith('$') && value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
  try {
    Taro.reLaunch({ url: `${path.startsWith('/') ? '' : '/'}${path}${query ? `?${query}` : ''}` }).catch(() => undefined)
  } catch {
    // Nothing to relaunch into (no page yet): the next page opened reads afresh anyway.
  }
}

export function LocalCloudBar() {
  const local = localCloud()
  const [status, setStatus] = useState<LocalCloudStatus>(local.reach.status())
  const [openid, setOpenid] = useState(local.openid())

  useEffect(() => {
    let wasDown = local.reach.status() === 'down'
    return local.reach.subscribe((next) => {
      setStatus(next)
      if (next === 'down') wasDown = true
      if (next === 'up' && wasDown) {
        wasDown = false
        relaunchCurrentPage()
      }
    })
  }, [local])

  async function chooseIdentity(): Promise<void> {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: DEV_IDENTITIES.map((identity) => identity.label) })
      const chosen = DEV_IDENTITIES[tapIndex]
      if (!chosen || chosen.openid === local.openid()) return
      local.switchIdentity(chosen.openid)
      setOpenid(chosen.openid)
      relaunchCurrentPage()
    } catch {
      // The sheet was dismissed.
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__row`}>
        <Text className={`${prefix}__label`}>本地构建 · 非正式版</Text>
        <Text className={`${prefix}__url`}>{local.url}</Text>
        <View
          className={`${prefix}__identity`}
          onClick={() => {
            void chooseIdentity()
          }}
        >
          <Text>身份 {openid} ▾</Text>
        </View>
      </View>
      {status === 'down' && (
        <View className={`${prefix}__down`}>
          <Text className={`${prefix}__down-title`}>本地云未启动</Text>
          <Text className={`${prefix}__down-body`}>{`在项目根目录运行 ${START_COMMAND}（本地云 ${local.url}），连上后自动恢复`}</Text>
        </View>
      )}
    </View>
  )
}

export function withBar<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function PageWithLocalCloudBar(props: P) {
    return (
      <>
        <LocalCloudBar />
        <Page {...props} />
      </>
    )
  }
  return PageWithLocalCloudBar
}
