import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { AssistantAccessResult, AssistantTokenInfo } from '@core/api'
import { AssistantAccess, clientConfig } from './AssistantAccess'

const MCP_URL = 'http://127.0.0.1:8787/mcp'
const SECRET = 'Qk9H3x7n2uW8yZpL0aTcVbRfMdEsGhJk4oIq6Nw1XeY'
const T0 = Date.UTC(2026, 10, 20, 2)

function fakeApi(initial: AssistantTokenInfo[]) {
  let tokens = [...initial]
  return {
    issueToken: jest.fn(async (): Promise<AssistantAccessResult> => {
      if (tokens.length >= 5) return { ok: false, reason: 'too_many_tokens', message: 'at most 5' }
      tokens = [{ tokenId: 'c'.repeat(24), label: 'AI 助手', createdAt: T0, lastUsedAt: null, expiresAt: T0 + 30 * 86_400_000 }, ...tokens]
      return { ok: true, action: 'issue', token: SECRET, tokenId: 'c'.repeat(24), expiresAt: T0 + 30 * 86_400_000, mcpUrl: MCP_URL }
    }),
    listTokens: jest.fn(async (): Promise<AssistantAccessResult> => ({ ok: true, action: 'list', tokens, mcpUrl: MCP_URL })),
    revokeToken: jest.fn(async (tokenId: string): Promise<AssistantAccessResult> => {
      tokens = tokens.filter((token) => token.tokenId !== tokenId)
      return { ok: true, action: 'revoke', tokenId }
    }),
  }
}

const OLD: AssistantTokenInfo = {
  tokenId: 'a'.repeat(24),
  label: 'Claude',
  createdAt: T0 - 86_400_000,
  lastUsedAt: T0 - 3_600_000,
  expiresAt: T0 + 29 * 86_400_000,
}

async function mount(api: ReturnType<typeof fakeApi>) {
  let view!: ReturnType<typeof render>
  await act(async () => {
    view = render(<AssistantAccess api={api} zone='Asia/Shanghai' />)
  })
  return view
}

describe('AssistantAccess', () => {
  beforeEach(() => jest.clearAllMocks())

  it('lists live tokens and the MCP URL, never a secret', async () => {
    const view = await mount(fakeApi([OLD]))
    expect(view.container.textContent).toContain(MCP_URL)
    expect(view.container.textContent).toContain('Claude')
    expect(view.container.querySelectorAll('.ps-assistant__token-row')).toHaveLength(1)
    expect(view.container.querySelector('.ps-assistant__token')).toBeNull()
  })

  it('issues a token, shows it once with copy buttons for it and for the client config', async () => {
    const api = fakeApi([OLD])
    const view = await mount(api)
    await act(async () => {
      fireEvent.click(screen.getByText('生成令牌'))
    })
    expect(view.container.querySelector('.ps-assistant__token')?.textContent).toBe(SECRET)
    expect(view.container.querySelector('.ps-assistant__config')?.textContent).toBe(clientConfig(MCP_URL, SECRET))
    expect(JSON.parse(clientConfig(MCP_URL, SECRET))).toEqual({
      mcpServers: { 'parcel-shop': { type: 'http', url: MCP_URL, headers: { Authorization: `Bearer ${SECRET}` } } },
    })
    await act(async () => {
      fireEvent.click(screen.getByText('复制'))
    })
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: SECRET })
    await act(async () => {
      fireEvent.click(screen.getByText('复制配置'))
    })
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: clientConfig(MCP_URL, SECRET) })
    expect(view.container.querySelectorAll('.ps-assistant__token-row')).toHaveLength(2)
  })

  it('revoking the token just issued hides its secret and drops it from the list', async () => {
    const api = fakeApi([])
    const view = await mount(api)
    await act(async () => {
      fireEvent.click(screen.getByText('生成令牌'))
    })
    await act(async () => {
      fireEvent.click(screen.getByText('撤销'))
    })
    expect(api.revokeToken).toHaveBeenCalledWith('c'.repeat(24))
    expect(view.container.querySelector('.ps-assistant__token')).toBeNull()
    expect(view.container.textContent).toContain('还没有令牌。')
  })

  it('says why a sixth token is refused', async () => {
    const five = Array.from({ length: 5 }, (_, index) => ({ ...OLD, tokenId: String(index).repeat(24) }))
    const view = await mount(fakeApi(five))
    await act(async () => {
      fireEvent.click(screen.getByText('生成令牌'))
    })
    expect(view.container.textContent).toContain('最多同时保留 5 个令牌')
    expect(view.container.querySelector('.ps-assistant__token')).toBeNull()
  })
})
