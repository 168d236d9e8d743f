// "连接 AI 助手": issue a token for an MCP client (the secret shown once, with a copy button), the
// MCP URL and a client config snippet, and the live tokens with revoke. The secret lives only in
// this component's state until the shopper dismisses it; the list never carries it.
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import type { AssistantAccessResult, AssistantTokenInfo } from '@core/api'
import { formatDateTime } from '../../format/time'
import type { AssistantApi } from '../../services/shopper/assistantApi'
import { ASSISTANT_TEXT } from '../ask-parcel/assistantText'
import './index.css'

const text = ASSISTANT_TEXT.connect
const classPrefix = 'ps-assistant'

export interface AssistantAccessProps {
  api: Pick<AssistantApi, 'issueToken' | 'listTokens' | 'revokeToken'>
  zone: string
}

/** The `mcpServers` entry most MCP clients read (Streamable HTTP with a Bearer header). */
export function clientConfig(mcpUrl: string, token: string): string {
  return JSON.stringify(
    { mcpServers: { 'parcel-shop': { type: 'http', url: mcpUrl, headers: { Authorization: `Bearer ${token}` } } } },
    null,
    2,
  )
}

type State = {
  tokens: AssistantTokenInfo[]
  mcpUrl: string | null
  issued: { token: string; tokenId: string } | null
  busy: boolean
  error: string | null
}

export function AssistantAccess({ api, zone }: AssistantAccessProps) {
  const [state, setState] = useState<State>({ tokens: [], mcpUrl: null, issued: null, busy: false, error: null })

  const fail = useCallback(
    (result: AssistantAccessResult | null) =>
      setState((s) => ({
        ...s,
        busy: false,
        error: result && !result.ok && result.reason === 'too_many_tokens' ? text.tooMany : text.failed,
      })),
    [],
  )

  const refresh = useCallback(async () => {
    try {
      const listed = await api.listTokens()
      if (listed.ok && listed.action === 'list') setState((s) => ({ ...s, tokens: listed.tokens, mcpUrl: listed.mcpUrl, busy: false }))
      else fail(listed)
    } catch {
      fail(null)
    }
  }, [api, fail])

  useEffect(() => {
    refresh()
  }, [refresh])

  async function issue() {
    setState((s) => ({ ...s, busy: true, error: null }))
    try {
      const issued = await api.issueToken()
      if (!issued.ok || issued.action !== 'issue') return fail(issued)
      setState((s) => ({ ...s, issued: { token: issued.token, tokenId: issued.tokenId }, mcpUrl: issued.mcpUrl }))
      await refresh()
    } catch {
      fail(null)
    }
  }

  async function revoke(tokenId: string) {
    setState((s) => ({ ...s, busy: true, error: null, issued: s.issued?.tokenId === tokenId ? null : s.issued }))
    try {
      const revoked = await api.revokeToken(tokenId)
      if (!revoked.ok) return fail(revoked)
      await refresh()
    } catch {
      fail(null)
    }
  }

  const copy = (data: string) => {
    Taro.setClipboardData({ data })
      .then(() => Taro.showToast({ title: text.copied, icon: 'none' }))
      .catch(() => undefined)
  }

  return (
    <View className={`ps-card ${classPrefix}`}>
      <Text className={`${classPrefix}__title`}>{text.title}</Text>
      <Text className={`${classPrefix}__intro`}>{text.intro}</Text>
      <View className={`${classPrefix}__field`}>
        <Text className={`${classPrefix}__label`}>{text.url}</Text>
        {state.mcpUrl ? (
          <Text className={`${classPrefix}__mono`} selectable>
            {state.mcpUrl}
          </Text>
        ) : (
          <Text className={`${classPrefix}__muted`}>{text.noUrl}</Text>
        )}
      </View>
      {state.issued && (
        <View className={`${classPrefix}__secret`}>
          <Text className={`${classPrefix}__label`}>{text.tokenOnce}</Text>
          <Text className={`${classPrefix}__mono ${classPrefix}__token`} selectable>
            {state.issued.token}
          </Text>
          <Button className={`${classPrefix}__button`} onClick={() => copy(state.issued?.token ?? '')}>
            {text.copy}
          </Button>
          {state.mcpUrl && (
            <View className={`${classPrefix}__field`}>
              <Text className={`${classPrefix}__label`}>{text.config}</Text>
              <Text className={`${classPrefix}__mono ${classPrefix}__config`} selectable>
                {clientConfig(state.mcpUrl, state.issued.token)}
              </Text>
              <Button
                className={`${classPrefix}__button`}
                onClick={() => copy(clientConfig(state.mcpUrl ?? '', state.issued?.token ?? ''))}
              >
                {text.copyConfig}
              </Button>
            </View>
          )}
        </View>
      )}
      <Button
        className={`${classPrefix}__issue`}
        disabled={state.busy}
        onClick={() => {
          issue()
        }}
      >
        {state.busy ? text.issuing : text.issue}
      </Button>
      {state.error && <Text className={`${classPrefix}__error`}>{state.error}</Text>}
      <Text className={`${classPrefix}__label`}>{text.tokens}</Text>
      {state.tokens.length === 0 && <Text className={`${classPrefix}__muted`}>{text.none}</Text>}
      {state.tokens.map((token) => (
        <View key={token.tokenId} className={`${classPrefix}__token-row`} data-token-id={token.tokenId}>
          <View className={`${classPrefix}__token-info`}>
            <Text className={`${classPrefix}__token-label`}>{token.label}</Text>
            <Text className={`${classPrefix}__muted`}>
              {`${text.lastUsed} ${token.lastUsedAt === null ? text.neverUsed : formatDateTime(token.lastUsedAt, zone)} · ${text.expires} ${formatDateTime(token.expiresAt, zone)}`}
            </Text>
          </View>
          <Text
            className={`${classPrefix}__revoke`}
            onClick={() => {
              revoke(token.tokenId)
            }}
          >
            {text.revoke}
          </Text>
        </View>
      ))}
    </View>
  )
}
