// Wire snapshots: what the pinned wx-server-sdk 4.0.2 (node-sdk 3.17.2, @cloudbase/database 1.4.3)
// sends for the catalogue of calls in reference/cloud-emulation.md §1.4, with volatile fields
// stripped, compared with test/contract/wire/catalogue.json. An SDK upgrade that changes the wire
// fails here first. Regenerate deliberately with UPDATE_WIRE_SNAPSHOTS=1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { DevCloud } from '../../dev/cloud'
import { boundaryOf, parseMultipart } from '../../dev/cloud/multipart'
import { decodeRequestData } from '../../dev/cloud/openApi'
import { startContractCloud } from '../support/devcloud'
import { startRecorder, type RecordedRequest, type Recorder } from '../support/recorder'
import { directSdk, type DirectSdk } from '../support/sdk'

jest.setTimeout(30_000)

const SNAPSHOT_FILE = path.join(__dirname, 'wire', 'catalogue.json')
const ROUTED_PATH = '/routed-by-tcb-context-cnfg/admin'

let devcloud: DevCloud
let recorder: Recorder
let sdk: DirectSdk

beforeAll(async () => {
  // A fixed env id: it is part of every request (?env=, envName), so it must not vary between runs.
  devcloud = await startContractCloud({ envId: 'test-wire-catalogue' })
  recorder = await startRecorder(devcloud.url)
  sdk = directSdk(devcloud.url, devcloud.envId, { adminUrl: `${recorder.url}${ROUTED_PATH}` })
  await devcloud.db.put('things', { _id: 'x', status: 'PAID', total: 50, tags: ['a'], nums: [1, 2], addr: { city: 'SZ' }, keep: 1 })
})
afterAll(async () => {
  sdk.restore()
  await recorder.close()
  await devcloud.close()
})

type Call = () => Promise<unknown> | unknown

function catalogue(): Array<[string, Call]> {
  const db = sdk.db
  const _ = db.command
  const things = () => db.collection('things')
  const doc = () => things().doc('x')
  const update = (data: Record<string, unknown>) => () => doc().update({ data })
  const where = (query: Record<string, unknown>) => () => things().where(query).get()
  return [
    ['doc.get', () => doc().get()],
    [
      'where.orderBy.skip.limit.field.get',
      () => things().where({ status: 'PAID' }).orderBy('createdAt', 'desc').skip(5).limit(10).field({ total: true }).get(),
    ],
    ['get without limit', () => things().get()],
    ['limit over 1000', () => things().limit(5000).get()],
    ['where.count', () => things().where({ status: 'PAID' }).count()],
    ['doc.update flattened', update({ 'addr.city': 'GZ', addr2: { zip: '1' }, status: 'X' })],
    ['_.set', update({ addr: _.set({ city: 'SZ' }) })],
    ['_.inc', update({ total: _.inc(1) })],
    ['_.mul', update({ total: _.mul(2) })],
    ['_.min', update({ total: _.min(1) })],
    ['_.max', update({ total: _.max(100) })],
    ['_.rename', update({ keep: _.rename('kept') })],
    ['_.remove', update({ kept: _.remove() })],
    ['_.push(array)', update({ tags: _.push(['b']) })],
    ['_.push(options)', update({ nums: _.push({ each: [3], position: 0, slice: 3, sort: 1 }) })],
    ['_.unshift', update({ tags: _.unshift(['z']) })],
    ['_.pop', update({ tags: _.pop() })],
    ['_.shift', update({ tags: _.shift() })],
    ['_.addToSet', update({ tags: _.addToSet('v') })],
    ['_.pull(_.in)', update({ nums: _.pull(_.in([1])) })],
    ['db.serverDate', update({ at: db.serverDate() })],
    ['_.gt.and(_.lte)', where({ total: _.gt(10).and(_.lte(500)) })],
    [
      '_.or',
      () =>
        things()
          .where(_.or([{ status: 'PAID' }, { total: _.gt(100) }]) as never)
          .get(),
    ],
    ['_.neq / _.in / _.nin', where({ status: _.neq('X'), total: _.in([1, 2]), keep: _.nin([0]) })],
    [
      '_.elemMatch / _.exists / _.size / _.all',
      where({ nums: _.elemMatch(_.gt(1)), kept: _.exists(false), tags: _.size(1), other: _.all(['a']) }),
    ],
    ['db.RegExp', where({ status: db.RegExp({ regexp: '^pa', options: 'i' }) })],
    ['Date value', where({ at: _.lt(new Date(Date.UTC(2026, 0, 1))) })],
    ['Geo.Point', where({ location: new db.Geo.Point(113.94, 22.54) })],
    [
      'doc.set',
      () =>
        db
          .collection('things')
          .doc('y')
          .set({ data: { n: 1 } }),
    ],
    [
      'where.update',
      () =>
        things()
          .where({ status: 'PAID' })
          .update({ data: { seen: true } }),
    ],
    ['where.remove', () => things().where({ status: 'NONE' }).remove()],
    ['doc.remove', () => db.collection('things').doc('y').remove()],
    ['collection.add', () => things().add({ data: { _id: 'added', n: 1, at: new Date(Date.UTC(2026, 2, 1)) } })],
    ['aggregate', () => things().aggregate().match({ status: 'X' }).group({ _id: '$status' }).sort({ _id: 1 }).limit(3).end()],
    [
      'runTransaction',
      () =>
        db.runTransaction(
          async (tx: {
            collection(name: string): { doc(id: string): { get(): Promise<unknown>; update(options: unknown): Promise<unknown> } }
          }) => {
            await tx.collection('things').doc('x').get()
            await tx
              .collection('things')
              .doc('x')
              .update({ data: { inTx: true } })
          },
        ),
    ],
    [
      'startTransaction + rollback',
      async () => {
        const tx = await db.startTransaction()
        await tx.rollback()
      },
    ],
    ['callFunction', () => sdk.cloud.callFunction({ name: 'whoami', data: { a: 1 } })],
    ['createCollection', () => db.createCollection('createdByCatalogue')],
    [
      'openapi.subscribeMessage.send',
      () => sdk.cloud.openapi.subscribeMessage.send({ touser: 'o-x', templateId: 't-1', data: { thing1: { value: 'hi' } } }),
    ],
  ]
}

/** Drops what changes per run: timestamps, signatures, sequence ids, boundaries, server-made ids. */
function stable(request: RecordedRequest): Record<string, unknown> {
  const headers: Record<string, unknown> = {}
  for (const name of [
    'content-type',
    'user-agent',
    'x-sdk-version',
    'x-tcb-source',
    'x-tcb-region',
    'x-signature-expires',
    'authorization',
  ]) {
    const value = request.headers[name]
    if (value === undefined) continue
    headers[name] = String(value)
      .replace(/boundary=\S+/, 'boundary=<boundary>')
      .replace(/Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\//, 'Credential=$1/<date>/')
      .replace(/Signature=[0-9a-f]+/, 'Signature=<signature>')
  }
  const contentType = String(request.headers['content-type'] ?? '')
  let body: unknown
  if (contentType.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(request.body, boundaryOf(contentType) ?? '')
    if (!parsed.ok) throw new Error(parsed.message)
    body = Object.fromEntries(
      parsed.parts.map((part) => {
        if (part.name !== 'requestData') return [part.name, part.value.toString('utf8')]
        const decoded = decodeRequestData(part.value)
        return [part.name, decoded.ok ? { protobufPairs: decoded.data } : { undecodable: part.value.toString('base64') }]
      }),
    )
  } else {
    body = JSON.parse(request.body.toString('utf8'))
    if (typeof (body as { transactionId?: unknown }).transactionId === 'string')
      (body as { transactionId: string }).transactionId = '<transactionId>'
  }
  return { method: request.method, path: request.path, query: { env: request.query.env }, headers, body }
}

test('the SDK routes every request to TCB_CONTEXT_CNFG.URL, and devcloud supports every action in the catalogue', async () => {
  const recorded: Record<string, unknown[]> = {}
  for (const [name, call] of catalogue()) {
    const before = recorder.requests.length
    await Promise.resolve(call()).catch(() => undefined)
    const requests = recorder.requests.slice(before)
    expect({ name, count: requests.length }).toEqual({ name, count: expect.any(Number) })
    expect(requests.length).toBeGreaterThan(0)
    for (const request of requests) {
      expect(request.path).toBe(ROUTED_PATH)
      const reply = request.reply.toString('utf8')
      expect({ name, reply }).not.toEqual({ name, reply: expect.stringContaining('unsupported action') })
    }
    recorded[name] = requests.map(stable)
  }

  if (process.env.UPDATE_WIRE_SNAPSHOTS === '1') {
    mkdirSync(path.dirname(SNAPSHOT_FILE), { recursive: true })
    writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(recorded, null, 2)}\n`)
  }
  if (!existsSync(SNAPSHOT_FILE)) throw new Error(`${SNAPSHOT_FILE} is missing; run with UPDATE_WIRE_SNAPSHOTS=1 and review it`)
  const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, unknown[]>
  expect(Object.keys(recorded)).toEqual(Object.keys(committed))
  for (const name of Object.keys(committed)) expect({ call: name, wire: recorded[name] }).toEqual({ call: name, wire: committed[name] })
})
