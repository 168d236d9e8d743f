// Transactions through the pinned wx-server-sdk: runTransaction / startTransaction, rollback,
// optimistic conflicts at commit, and 20 concurrent stock decrements that never oversell.
import type { DevCloud } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'
import { directSdk, done, failure, rawAction, type DirectSdk } from '../support/sdk'

jest.setTimeout(30_000)

let devcloud: DevCloud
let sdk: DirectSdk

beforeAll(async () => {
  devcloud = await startContractCloud()
  sdk = directSdk(devcloud.url, devcloud.envId)
})
afterAll(async () => {
  sdk.restore()
  await devcloud.close()
})
beforeEach(async () => {
  await devcloud.reset()
  await devcloud.db.put('items', { _id: 'tea', stock: 5, price: 16800 })
})

interface Tx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: Record<string, unknown> | null }>
      update(options: unknown): Promise<unknown>
      set(options: unknown): Promise<unknown>
      remove(): Promise<unknown>
    }
    add(options: unknown): Promise<{ _id: string }>
  }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

test('runTransaction: a doc get answers one object; writes apply together at commit', async () => {
  const result = await sdk.db.runTransaction(async (tx: Tx) => {
    const { data } = await tx.collection('items').doc('tea').get()
    await tx
      .collection('items')
      .doc('tea')
      .update({ data: { stock: (data?.stock as number) - 1 } })
    await tx.collection('orders').add({ data: { _id: 'o1', item: 'tea' } })
    // Inside the transaction its own writes are visible; outside they are not yet.
    expect((await tx.collection('items').doc('tea').get()).data).toMatchObject({ stock: 4 })
    expect(await devcloud.db.get('items', 'tea')).toMatchObject({ stock: 5 })
    return data
  })
  expect(result).toEqual({ _id: 'tea', stock: 5, price: 16800 })
  expect(await devcloud.db.get('items', 'tea')).toMatchObject({ stock: 4 })
  expect(await devcloud.db.get('orders', 'o1')).toEqual({ _id: 'o1', item: 'tea' })
})

test('rollback(reason) rejects runTransaction with the reason and writes nothing', async () => {
  const outcome = await sdk.db
    .runTransaction(async (tx: Tx) => {
      await tx
        .collection('items')
        .doc('tea')
        .update({ data: { stock: 0 } })
      await tx.rollback('changed my mind')
    })
    .catch((reason: unknown) => reason)
  expect(outcome).toBe('changed my mind')
  expect(await devcloud.db.get('items', 'tea')).toMatchObject({ stock: 5 })
})

test('a callback that throws aborts the transaction', async () => {
  const outcome = await sdk.db
    .runTransaction(async (tx: Tx) => {
      await tx
        .collection('items')
        .doc('tea')
        .set({ data: { stock: 99 } })
      throw new Error('bug in the callback')
    })
    .catch((error: Error) => error.message)
  expect(outcome).toBe('bug in the callback')
  expect(await devcloud.db.get('items', 'tea')).toMatchObject({ stock: 5 })
})

test('startTransaction: a conflicting outside write makes commit fail with DATABASE_TRANSACTION_CONFLICT', async () => {
  const tx: Tx = await sdk.db.startTransaction()
  const { data } = await tx.collection('items').doc('tea').get()
  // Someone else takes the last units between the read and the commit.
  await done(
    sdk.db
      .collection('items')
      .doc('tea')
      .update({ data: { stock: 0 } }),
  )
  await tx
    .collection('items')
    .doc('tea')
    .update({ data: { stock: (data?.stock as number) - 1 } })
  const conflict = await tx.commit().catch((error: { code?: string }) => error)
  expect(conflict).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await devcloud.db.get('items', 'tea')).toMatchObject({ stock: 0 })
})

test('startTransaction: remove and set commit; rollback discards', async () => {
  const first: Tx = await sdk.db.startTransaction()
  await first.collection('items').doc('tea').remove()
  await first
    .collection('items')
    .doc('coffee')
    .set({ data: { stock: 3 } })
  await first.commit()
  expect(await devcloud.db.get('items', 'tea')).toBeNull()
  expect(await devcloud.db.get('items', 'coffee')).toEqual({ _id: 'coffee', stock: 3 })
  const second: Tx = await sdk.db.startTransaction()
  await second
    .collection('items')
    .doc('coffee')
    .update({ data: { stock: 0 } })
  await second.rollback()
  expect(await devcloud.db.get('items', 'coffee')).toEqual({ _id: 'coffee', stock: 3 })
})

test('a finished transaction id is no longer accepted', async () => {
  const tx: Tx = await sdk.db.startTransaction()
  await tx.commit()
  const late = await failure(tx.collection('items').doc('tea').get())
  expect(late.message).toContain('is not open')
})

test('transactions allow single-document operations only', async () => {
  const started = await rawAction(devcloud.url, '/admin', { action: 'database.startTransaction', envName: devcloud.envId })
  const reply = await rawAction(devcloud.url, '/admin', {
    action: 'database.getDocument',
    envName: devcloud.envId,
    transactionId: started.transactionId,
    collectionName: 'items',
    queryType: 'WHERE',
    query: '{}',
  })
  expect(reply).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('single-document') })
})

test('20 concurrent stock decrements (each its own function invocation) never oversell', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_unused, index) =>
      devcloud.invoke<{ ok: boolean; reason?: string; code?: string }>('stock', { itemId: 'tea' }, { openid: `o-buyer-${index}` }),
    ),
  )
  const sold = results.filter((result) => result.ok).length
  const item = await devcloud.db.get('items', 'tea')
  expect(sold).toBeGreaterThan(0)
  expect(sold).toBeLessThanOrEqual(5)
  expect(item?.stock).toBe(5 - sold)
  expect(await devcloud.db.count('orders')).toBe(sold)
  // Everyone else was told why: sold out, or a conflict that outlived runTransaction's retries.
  for (const result of results.filter((candidate) => !candidate.ok)) {
    expect(result.reason === 'sold-out' || (result.reason === 'conflict' && result.code === 'DATABASE_TRANSACTION_CONFLICT')).toBe(true)
  }
})
