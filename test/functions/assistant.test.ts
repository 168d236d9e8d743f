// The assistant end to end: the SDK's own MCP client over Streamable HTTP against the local cloud's
// POST /mcp route (the real `assistant` bundle on wx-server-sdk), tokens from assistantAccess, and
// the app's askParcel — all answering from the caller's own orders only.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { AskParcelResult, AssistantAccessResult, BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { demoAssistantToken } from '../../dev/start/demoAssistantToken'
import { tokenHash, tokenIdOf } from '../../server/assistant/accessTokens'
import { callTool, connectMcp, MCP_HEADERS, rawMcp, rpc, toolText } from './support/mcp'
import { ADDRESS, DAY, HOUR, MERCHANT, MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
const clients: Client[] = []
const orders = { oldBoard: '', mug: '', newBoard: '', tote: '' }
let token = ''
let token2 = ''

async function place(openid: string, productId: string): Promise<string> {
  const placed = await rig.call<CreateOrderResult>('createOrder', { items: [{ productId, quantity: 1 }], address: ADDRESS }, openid)
  if (!placed.ok) throw new Error(placed.message)
  return placed.orderId
}

async function ship(orderId: string, trackingNo: string, scenario: string): Promise<void> {
  rig.sandbox.assignScenario(trackingNo, scenario)
  const shipped = await rig.call<BackfillTrackingResult>('backfillTracking', { entries: [{ orderId, trackingNo }] }, MERCHANT)
  if (!shipped.ok || !shipped.results.every((result) => result.ok)) throw new Error(JSON.stringify(shipped))
}

async function issue(
  openid: string,
  label?: string,
): Promise<{ token: string; tokenId: string; expiresAt: number; mcpUrl: string | null }> {
  const issued = await rig.call<AssistantAccessResult>('assistantAccess', { action: 'issue', ...(label ? { label } : {}) }, openid)
  if (!issued.ok || issued.action !== 'issue') throw new Error(JSON.stringify(issued))
  return issued
}

async function connect(secret: string): Promise<Client> {
  const client = await connectMcp(rig.cloud.url, secret)
  clients.push(client)
  return client
}

const bearer = (secret: string) => ({ ...MCP_HEADERS, authorization: `Bearer ${secret}` })
/** rig.snapshot() covers every collection but assistantTokens: the one a call may touch. */
const everythingButTokens = () => rig.snapshot()

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  orders.oldBoard = await place(SHOPPER, 'prod-bamboo-cutting-board')
  await ship(orders.oldBoard, 'YT1400000000701', 'yto-normal')
  await rig.advance(DAY)
  orders.mug = await place(SHOPPER, 'prod-ceramic-mug')
  await ship(orders.mug, 'YT1400000000702', 'locker-pickup')
  await rig.advance(2 * DAY)
  orders.newBoard = await place(SHOPPER, 'prod-bamboo-cutting-board')
  await ship(orders.newBoard, 'YT1400000000703', 'yto-normal')
  orders.tote = await place(SHOPPER_2, 'prod-cotton-tote')
  await ship(orders.tote, 'YT1400000000704', 'yto-normal')
  await rig.advance(6 * HOUR)
  token = (await issue(SHOPPER, 'Claude')).token
  token2 = (await issue(SHOPPER_2)).token
}, 180_000)

afterAll(async () => {
  for (const client of clients) await client.close().catch(() => undefined)
  await rig?.close()
})

describe('MCP over Streamable HTTP with the SDK client', () => {
  test('initialize and tools/list: three tools with input schemas', async () => {
    const client = await connect(token)
    expect(client.getServerVersion()).toMatchObject({ name: 'parcel-storefront' })
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toEqual(['list_orders', 'track_order', 'where_is_my_parcel'])
    const track = tools.find((tool) => tool.name === 'track_order')
    expect(track?.inputSchema).toMatchObject({ type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] })
    const ask = tools.find((tool) => tool.name === 'where_is_my_parcel')
    expect(ask?.inputSchema).toMatchObject({ properties: { question: { type: 'string', maxLength: 200 } } })
  })

  test('list_orders: the caller’s own orders, newest first, text and structuredContent', async () => {
    const client = await connect(token)
    const result = await callTool(client, 'list_orders')
    const listed = result.structuredContent as {
      orders: Array<{ orderId: string; parcels: Array<{ trackingNo: string; status: string }> }>
    }
    expect(listed.orders.map((order) => order.orderId)).toEqual([orders.newBoard, orders.mug, orders.oldBoard])
    expect(listed.orders[0]?.parcels[0]).toMatchObject({ trackingNo: 'YT1400000000703' })
    expect(toolText(result)).toContain('您共有 3 个订单')
    expect(toolText(result)).not.toContain(orders.tote)
  })

  test('track_order: parcels with status and latest scan; another shopper’s order reads exactly like a missing one', async () => {
    const client = await connect(token)
    const mug = await callTool(client, 'track_order', { orderId: orders.mug })
    const detail = mug.structuredContent as {
      parcels: Array<{ status: string; latestScan: { text: string } | null; routeCities: string[] }>
    }
    expect(mug.isError).toBeFalsy()
    expect(detail.parcels).toHaveLength(1)
    expect(detail.parcels[0]?.latestScan?.text).toBeTruthy()
    const theirs = await callTool(client, 'track_order', { orderId: orders.tote })
    const missing = await callTool(client, 'track_order', { orderId: 'a'.repeat(32) })
    expect(theirs.isError).toBe(true)
    expect(theirs).toEqual(missing)
    expect(JSON.stringify(theirs)).not.toContain('YT1400000000704')
  })

  test('where_is_my_parcel: 我刚买的竹制砧板到哪了？ is the newer of two cutting-board orders', async () => {
    const client = await connect(token)
    const result = await callTool(client, 'where_is_my_parcel', { question: '我刚买的竹制砧板到哪了？' })
    expect(result.structuredContent).toMatchObject({ kind: 'answer', orderId: orders.newBoard, parcelIds: ['YTO:YT1400000000703'] })
    expect(toolText(result)).toContain('竹制砧板')
    expect(toolText(result)).toContain('YT1400000000703')
    const both = await callTool(client, 'where_is_my_parcel', { question: '竹制砧板到哪了' })
    expect(both.structuredContent).toMatchObject({ kind: 'choose' })
    expect((both.structuredContent as { choices: Array<{ orderId: string }> }).choices.map((choice) => choice.orderId)).toEqual([
      orders.newBoard,
      orders.oldBoard,
    ])
  })

  test('askParcel in the app answers the same question with the same words', async () => {
    const client = await connect(token)
    const question = '我刚买的竹制砧板到哪了？'
    const viaMcp = await callTool(client, 'where_is_my_parcel', { question })
    const viaApp = await rig.call<AskParcelResult>('askParcel', { question }, SHOPPER)
    expect(viaApp).toEqual({ ok: true, answer: toolText(viaMcp), orderId: orders.newBoard, parcelIds: ['YTO:YT1400000000703'] })
    expect(await rig.call('askParcel', { question: '砧'.repeat(201) }, SHOPPER)).toMatchObject({ ok: false, reason: 'invalid_input' })
    expect(await rig.call('askParcel', { question }, undefined)).toMatchObject({ ok: false, reason: 'not_signed_in' })
  })

  test('another shopper’s token cannot see the order by any tool', async () => {
    const client = await connect(token2)
    const listed = await callTool(client, 'list_orders')
    expect(JSON.stringify(listed)).not.toContain(orders.newBoard)
    expect((listed.structuredContent as { orders: unknown[] }).orders).toHaveLength(1)
    for (const orderId of [orders.newBoard, orders.oldBoard, orders.mug]) {
      expect(await callTool(client, 'track_order', { orderId })).toEqual(await callTool(client, 'track_order', { orderId: 'b'.repeat(32) }))
    }
    for (const question of ['我刚买的竹制砧板到哪了？', '尾号0703', 'YT1400000000703', '那个杯子']) {
      const answer = await callTool(client, 'where_is_my_parcel', { question })
      // Not found, as for anyone who never bought them (the question's own number may be echoed).
      expect(answer.structuredContent).toMatchObject({ kind: 'none' })
      for (const orderId of [orders.newBoard, orders.oldBoard, orders.mug]) expect(JSON.stringify(answer)).not.toContain(orderId)
    }
    const mine = await rig.call<AskParcelResult>('askParcel', { question: '尾号0703' }, SHOPPER_2)
    expect(mine).toMatchObject({ ok: true })
    expect(JSON.stringify(mine)).not.toContain(orders.newBoard)
  })
})

describe('refusals', () => {
  test('401 with WWW-Authenticate: Bearer and nothing more: no, malformed, forged, revoked, expired token', async () => {
    const revoked = await issue(SHOPPER, 'to revoke')
    expect(await rig.call('assistantAccess', { action: 'revoke', tokenId: revoked.tokenId }, SHOPPER)).toEqual({
      ok: true,
      action: 'revoke',
      tokenId: revoked.tokenId,
    })
    const expiredSecret = 'E'.repeat(43)
    const hash = tokenHash(expiredSecret)
    await rig.cloud.db.put('assistantTokens', {
      _id: tokenIdOf(hash),
      openid: SHOPPER,
      tokenHash: hash,
      label: 'old',
      scope: 'shopper',
      createdAt: 1,
      lastUsedAt: null,
      expiresAt: rig.clock.now() - MINUTE,
      revoked: false,
      revokedAt: null,
      rate: { window: 0, count: 0 },
    })
    const body = rpc('tools/list')
    const attempts: Array<Record<string, string>> = [
      MCP_HEADERS,
      { ...MCP_HEADERS, authorization: 'Bearer' },
      { ...MCP_HEADERS, authorization: `Basic ${token}` },
      bearer('x'.repeat(43)),
      bearer(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
      bearer(revoked.token),
      bearer(expiredSecret),
    ]
    for (const headers of attempts) {
      const answer = await rawMcp(rig.cloud.url, { headers, body })
      expect([answer.status, answer.headers['www-authenticate'], answer.body]).toEqual([401, 'Bearer', ''])
    }
    await expect(connectMcp(rig.cloud.url, revoked.token)).rejects.toThrow()
  })

  test('a token in the query string is refused, even a valid one', async () => {
    const answer = await rawMcp(rig.cloud.url, { path: `/mcp?access_token=${token}`, headers: MCP_HEADERS, body: rpc('tools/list') })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: -32600, message: expect.stringContaining('Authorization: Bearer') } })
  })

  test('GET and DELETE answer 405', async () => {
    for (const method of ['GET', 'DELETE']) {
      const answer = await rawMcp(rig.cloud.url, { method, headers: bearer(token) })
      expect(answer.status).toBe(405)
      expect(answer.headers.allow).toBe('POST')
    }
  })

  test('bad input: clear errors, and nothing written but the token’s last use', async () => {
    const client = await connect(token)
    const tokenId = tokenIdOf(tokenHash(token))
    const before = await everythingButTokens()
    const tokenBefore = await rig.cloud.db.get('assistantTokens', tokenId)

    const nonJson = await rawMcp(rig.cloud.url, { headers: bearer(token), body: '{not json' })
    expect([nonJson.status, JSON.parse(nonJson.body).error.code]).toEqual([400, -32700])
    const batch = await rawMcp(rig.cloud.url, { headers: bearer(token), body: `[${rpc('tools/list', {}, 1)},${rpc('tools/list', {}, 2)}]` })
    expect([batch.status, JSON.parse(batch.body).error.code]).toEqual([400, -32600])
    const huge = await rawMcp(rig.cloud.url, {
      headers: bearer(token),
      body: rpc('tools/call', { name: 'list_orders', arguments: { pad: 'x'.repeat(70_000) } }),
    })
    expect(huge.status).toBe(413)
    const unknownMethod = await rawMcp(rig.cloud.url, { headers: bearer(token), body: rpc('orders/delete') })
    expect(JSON.parse(unknownMethod.body)).toMatchObject({ error: { code: -32601 } })

    const unknownTool = await callTool(client, 'delete_orders')
    expect([unknownTool.isError, toolText(unknownTool)]).toEqual([true, expect.stringContaining('Tool delete_orders not found')])
    const injected = await callTool(client, 'track_order', { orderId: { $ne: null } })
    expect([injected.isError, toolText(injected)]).toEqual([true, expect.stringContaining('Input validation error')])
    const oversized = await callTool(client, 'where_is_my_parcel', { question: '我的包裹'.repeat(60) })
    expect([oversized.isError, toolText(oversized)]).toEqual([true, expect.stringContaining('Input validation error')])
    const empty = await callTool(client, 'where_is_my_parcel', { question: '   ' })
    expect(empty.isError).toBe(true)

    await rig.cloud.idle()
    expect(await everythingButTokens()).toEqual(before)
    const tokenAfter = await rig.cloud.db.get('assistantTokens', tokenId)
    const { lastUsedAt: _a, rate: _r, ...restBefore } = tokenBefore ?? {}
    const { lastUsedAt: _b, rate: _s, ...restAfter } = tokenAfter ?? {}
    expect(restAfter).toEqual(restBefore)
    expect(tokenAfter?.lastUsedAt).toBe(rig.clock.now())
  })

  test('429 past 60 calls a minute for one token, then fine the next minute; other tokens unaffected', async () => {
    const busy = await issue(SHOPPER_2, 'busy')
    // Start on a minute boundary so all 61 calls fall in one window.
    await rig.advance(60_000 - (rig.clock.now() % 60_000))
    for (let call = 0; call < 60; call += 1) {
      const answer = await rawMcp(rig.cloud.url, { headers: bearer(busy.token), body: rpc('ping', {}, call) })
      expect(answer.status).toBe(200)
    }
    const refused = await rawMcp(rig.cloud.url, { headers: bearer(busy.token), body: rpc('ping') })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect((await rawMcp(rig.cloud.url, { headers: bearer(token2), body: rpc('ping') })).status).toBe(200)
    await rig.advance(MINUTE)
    expect((await rawMcp(rig.cloud.url, { headers: bearer(busy.token), body: rpc('ping') })).status).toBe(200)
  }, 120_000)
})

describe('assistantAccess', () => {
  test('issue shows the secret once; list never shows it; at most 5 live; revoke is the owner’s only', async () => {
    const fresh = await issue(SHOPPER_2, '  Cursor  ')
    expect(fresh.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(fresh.expiresAt).toBe(rig.clock.now() + 30 * DAY)
    expect(fresh).toMatchObject({ mcpUrl: `${rig.cloud.url}/mcp` })
    const stored = await rig.cloud.db.get('assistantTokens', fresh.tokenId)
    expect(JSON.stringify(stored)).not.toContain(fresh.token)
    expect(stored).toMatchObject({ openid: SHOPPER_2, tokenHash: tokenHash(fresh.token), label: 'Cursor', revoked: false })

    const listed = await rig.call<AssistantAccessResult>('assistantAccess', { action: 'list' }, SHOPPER_2)
    if (!listed.ok || listed.action !== 'list') throw new Error(JSON.stringify(listed))
    expect(listed.tokens.map((info) => info.tokenId)).toContain(fresh.tokenId)
    expect(Object.keys(listed.tokens[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'label', 'lastUsedAt', 'tokenId'])
    expect(JSON.stringify(listed)).not.toContain(fresh.token)
    expect(JSON.stringify(listed)).not.toContain(tokenHash(fresh.token))

    expect(await rig.call('assistantAccess', { action: 'revoke', tokenId: fresh.tokenId }, SHOPPER)).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'no such token',
    })
    const live = listed.tokens.length
    for (let extra = live; extra < 5; extra += 1) await issue(SHOPPER_2)
    expect(await rig.call('assistantAccess', { action: 'issue' }, SHOPPER_2)).toMatchObject({ ok: false, reason: 'too_many_tokens' })
    expect(await rig.call('assistantAccess', { action: 'revoke', tokenId: fresh.tokenId }, SHOPPER_2)).toMatchObject({ ok: true })
    expect(await rig.call('assistantAccess', { action: 'issue' }, SHOPPER_2)).toMatchObject({ ok: true, action: 'issue' })
    expect(await rig.call('assistantAccess', { action: 'issue', label: 'x'.repeat(41) }, SHOPPER)).toMatchObject({
      ok: false,
      reason: 'invalid_input',
    })
    expect(await rig.call('assistantAccess', { action: 'list' }, undefined)).toMatchObject({ ok: false, reason: 'not_signed_in' })
  })
})

test('npm start’s demo token works, and the previous run’s stops working', async () => {
  const first = await demoAssistantToken(rig.cloud, SHOPPER)
  const second = await demoAssistantToken(rig.cloud, SHOPPER)
  if (!first || !second) throw new Error('no demo token')
  expect((await rawMcp(rig.cloud.url, { headers: bearer(first), body: rpc('ping') })).status).toBe(401)
  expect((await rawMcp(rig.cloud.url, { headers: bearer(second), body: rpc('ping') })).status).toBe(200)
})
