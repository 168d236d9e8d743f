/**
 * @jest-environment node
 */
// The page-side cloud client against a real local cloud: its process-global statics never leak,
// several shoppers coexist in one process, failures carry the platform errCode, watch snapshots are
// normalised. (The emulator's own watch/rules behaviour is covered in test/contract.)
import { Db } from '@cloudbase/database'
import WebSocket from 'ws'
import { startContractCloud } from '../../../../test/support/devcloud'
import type { DevCloud } from '../../../../dev/cloud'
import { CloudCallError, createCloudbaseClient } from './cloudbaseClient'
import type { WatchSnapshot } from './types'

jest.setTimeout(30_000)

let devcloud: DevCloud
beforeAll(async () => {
  devcloud = await startContractCloud()
  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'PENDING' })
  await devcloud.db.put('parcels', { _id: 'SF:2', _openid: 'o-bob', orderId: 'B1', status: 'PENDING' })
})
afterAll(() => devcloud.close())

const client = (openid: string) => createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid, WebSocket })

test('the @cloudbase/database statics are put back after every query and watch', async () => {
  const statics = Db as unknown as { reqClass: unknown; ws: unknown }
  const marker = class ServerSdkRequester {}
  statics.reqClass = marker
  statics.ws = undefined
  const alice = client('o-alice')
  await alice.query('parcels', { _openid: '{openid}' })
  const watcher = alice.watch('parcels', { _openid: '{openid}' }, { onChange: () => undefined, onError: () => undefined })
  expect(statics.reqClass).toBe(marker)
  expect(statics.ws).toBeUndefined()
  await watcher.close()
})

test('two shoppers in one process query as themselves', async () => {
  const [alice, bob] = [client('o-alice'), client('o-bob')]
  const [mine, theirs] = await Promise.all([alice.query('parcels', { _openid: '{openid}' }), bob.query('parcels', { _openid: '{openid}' })])
  expect(mine).toEqual([{ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'PENDING' }])
  expect(theirs).toEqual([{ _id: 'SF:2', _openid: 'o-bob', orderId: 'B1', status: 'PENDING' }])
})

test('a denied query rejects with CloudCallError -502003', async () => {
  await expect(client('o-alice').query('parcels', { orderId: 'B1' })).rejects.toMatchObject({ name: 'CloudCallError', errCode: -502003 })
})

test('callFunction resolves with the result and rejects with the platform errCode', async () => {
  const alice = client('o-alice')
  await expect(alice.callFunction<{ context: { OPENID: string } }>('whoami')).resolves.toMatchObject({ context: { OPENID: 'o-alice' } })
  const error = await alice.callFunction('boom', { why: 'x' }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(CloudCallError)
  expect((error as CloudCallError).errCode).toBe(-504002)
})

test('watch: the first snapshot is the init (isInit), later ones are not; close ends delivery', async () => {
  const snapshots: Array<WatchSnapshot<{ status: string }>> = []
  let wake = () => undefined as void
  const arrived = () =>
    new Promise<void>((resolve) => {
      wake = resolve
    })
  let next = arrived()
  const watcher = client('o-alice').watch<{ status: string }>(
    'parcels',
    { orderId: 'A1', _openid: '{openid}' },
    {
      onChange: (snapshot) => {
        snapshots.push(snapshot)
        wake()
      },
      onError: (error) => {
        throw error
      },
    },
  )
  await next
  next = arrived()
  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'IN_TRANSIT' })
  await next
  expect(snapshots.map((snapshot) => snapshot.isInit)).toEqual([true, false])
  expect(snapshots[1]?.docs).toEqual([{ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'IN_TRANSIT' }])
  await watcher.close()
  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'DELIVERED' })
  await devcloud.idle()
  expect(snapshots).toHaveLength(2)
})
