// Behaviour of the database actions, driven through the pinned wx-server-sdk exactly as a cloud
// function drives it (the SCF environment set on this process). Each case asserts a concrete result.
import type { DevCloud } from '../../dev/cloud'
import { manualClock, startContractCloud } from '../support/devcloud'
import { directSdk, done, failure, rawAction, type DirectSdk } from '../support/sdk'

jest.setTimeout(30_000)

const clock = manualClock(Date.parse('2026-03-01T04:00:00Z'))
let devcloud: DevCloud
let sdk: DirectSdk

beforeAll(async () => {
  devcloud = await startContractCloud({ now: clock.now })
  sdk = directSdk(devcloud.url, devcloud.envId)
})
afterAll(async () => {
  sdk.restore()
  await devcloud.close()
})
beforeEach(() => devcloud.reset())

type Row = Record<string, unknown>
const things = () => sdk.db.collection('things')
const _ = () => sdk.db.command
const getDoc = async (id: string) => (await done(things().doc(id).get())).data as Row
const list = async (query: Row) => ((await done(things().where(query).get())).data as Row[]).map((row) => row._id).sort()

describe('CRUD', () => {
  test('add assigns a 32-hex _id; get, update, remove', async () => {
    const added = (await done(things().add({ data: { title: 'tea', price: 16800 } }))) as { _id: string }
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    expect(await getDoc(added._id)).toEqual({ _id: added._id, title: 'tea', price: 16800 })
    const updated = await done(
      things()
        .doc(added._id)
        .update({ data: { price: 15800 } }),
    )
    expect(updated).toMatchObject({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect((await getDoc(added._id)).price).toBe(15800)
    expect(await done(things().doc(added._id).remove())).toMatchObject({ stats: { removed: 1 } })
    expect(await devcloud.db.get('things', added._id)).toBeNull()
  })

  test('add with an explicit _id, and a duplicate _id is refused (-502001)', async () => {
    expect(await done(things().add({ data: { _id: 'k1', n: 1 } }))).toMatchObject({ _id: 'k1' })
    const duplicate = await failure(things().add({ data: { _id: 'k1', n: 2 } }))
    expect(duplicate.errCode).toBe(-502001)
    expect(duplicate.message).toContain('duplicate key')
    expect((await getDoc('k1')).n).toBe(1)
  })

  test('Dates, nested objects, arrays, null and numbers round-trip', async () => {
    const at = new Date('2026-02-27T10:11:12.345Z')
    await done(
      things().add({ data: { _id: 'r', at, nested: { list: [1, 'two', { three: 3 }] }, none: null, ratio: 0.25, big: 1_700_000_000_000 } }),
    )
    const doc = await getDoc('r')
    expect(doc.at).toBeInstanceOf(Date)
    expect((doc.at as Date).toISOString()).toBe(at.toISOString())
    expect(doc).toMatchObject({ nested: { list: [1, 'two', { three: 3 }] }, none: null, ratio: 0.25, big: 1_700_000_000_000 })
  })

  test('count, where().update (multi) and where().remove', async () => {
    await devcloud.db.put('things', { _id: 'a', kind: 'x', n: 1 })
    await devcloud.db.put('things', { _id: 'b', kind: 'x', n: 2 })
    await devcloud.db.put('things', { _id: 'c', kind: 'y', n: 3 })
    expect(await done(things().where({ kind: 'x' }).count())).toMatchObject({ total: 2 })
    expect(
      await done(
        things()
          .where({ kind: 'x' })
          .update({ data: { seen: true } }),
      ),
    ).toMatchObject({ stats: { updated: 2 } })
    expect(await devcloud.db.count('things', { seen: true })).toBe(2)
    expect(
      await done(
        things()
          .where({ n: _().gte(2) })
          .remove(),
      ),
    ).toMatchObject({ stats: { removed: 2 } })
    expect((await devcloud.db.list('things')).map((doc) => doc._id)).toEqual(['a'])
  })
})

describe('set vs update', () => {
  beforeEach(() => devcloud.db.put('things', { _id: 'm', addr: { city: 'SZ', zip: '518000' }, status: 'PAID' }))

  test('update merges nested objects field by field (flattened $set)', async () => {
    await done(
      things()
        .doc('m')
        .update({ data: { addr: { city: 'GZ' } } }),
    )
    expect(await getDoc('m')).toEqual({ _id: 'm', addr: { city: 'GZ', zip: '518000' }, status: 'PAID' })
  })

  test('_.set replaces a field value whole', async () => {
    await done(
      things()
        .doc('m')
        .update({ data: { addr: _().set({ city: 'GZ' }) } }),
    )
    expect(await getDoc('m')).toEqual({ _id: 'm', addr: { city: 'GZ' }, status: 'PAID' })
  })

  test('set replaces the document', async () => {
    const result = await done(
      things()
        .doc('m')
        .set({ data: { status: 'SHIPPED' } }),
    )
    expect(result).toMatchObject({ _id: 'm', stats: { updated: 1, created: 0 } })
    expect(await getDoc('m')).toEqual({ _id: 'm', status: 'SHIPPED' })
  })

  test('set on a missing document creates it', async () => {
    expect(
      await done(
        things()
          .doc('fresh')
          .set({ data: { n: 1 } }),
      ),
    ).toMatchObject({ stats: { updated: 0, created: 1 } })
    expect(await getDoc('fresh')).toEqual({ _id: 'fresh', n: 1 })
  })

  test('update of a missing document changes nothing', async () => {
    expect(
      await done(
        things()
          .doc('ghost')
          .update({ data: { n: 1 } }),
      ),
    ).toMatchObject({ stats: { updated: 0 } })
    expect(await devcloud.db.get('things', 'ghost')).toBeNull()
  })
})

describe('every update command the SDK emits', () => {
  const base = { _id: 'u', n: 10, tags: ['b', 'c'], nums: [3, 1, 2], keep: 'k', addr: { city: 'SZ' } }
  beforeEach(() => devcloud.db.put('things', base))

  test.each<[string, () => Row, Row]>([
    ['_.inc', () => ({ n: _().inc(5) }), { n: 15 }],
    ['_.inc on a missing field', () => ({ fresh: _().inc(2) }), { fresh: 2 }],
    ['_.mul', () => ({ n: _().mul(3) }), { n: 30 }],
    ['_.min', () => ({ n: _().min(4) }), { n: 4 }],
    ['_.max', () => ({ n: _().max(40) }), { n: 40 }],
    ['_.rename', () => ({ keep: _().rename('kept') }), { kept: 'k', keep: undefined }],
    ['_.remove', () => ({ addr: _().remove() }), { addr: undefined }],
    ['_.push(array)', () => ({ tags: _().push(['d']) }), { tags: ['b', 'c', 'd'] }],
    [
      '_.push({each, position, sort, slice})',
      () => ({ nums: _().push({ each: [9, 0], position: 0, sort: 1, slice: 3 }) }),
      { nums: [0, 1, 2] },
    ],
    ['_.unshift', () => ({ tags: _().unshift(['a']) }), { tags: ['a', 'b', 'c'] }],
    ['_.pop', () => ({ tags: _().pop() }), { tags: ['b'] }],
    ['_.shift', () => ({ tags: _().shift() }), { tags: ['c'] }],
    ['_.addToSet (new)', () => ({ tags: _().addToSet('z') }), { tags: ['b', 'c', 'z'] }],
    ['_.addToSet (present)', () => ({ tags: _().addToSet('b') }), { tags: ['b', 'c'] }],
    ['_.pull(_.in)', () => ({ nums: _().pull(_().in([1, 3])) }), { nums: [2] }],
    ['dotted path', () => ({ 'addr.zip': '518000' }), { addr: { city: 'SZ', zip: '518000' } }],
    [
      'db.serverDate({offset})',
      () => ({ at: (sdk.db.serverDate as unknown as (options: { offset: number }) => unknown)({ offset: 1500 }) }),
      { at: new Date(clock.now() + 1500) },
    ],
  ])('%s', async (_label, data, expected) => {
    await done(things().doc('u').update({ data: data() }))
    const doc = await getDoc('u')
    for (const [field, value] of Object.entries(expected)) {
      if (value === undefined) expect(doc).not.toHaveProperty(field)
      else expect(doc[field]).toEqual(value)
    }
  })

  test('conflicting paths in one update fail as a request error and change nothing', async () => {
    const conflict = await failure(
      things()
        .doc('u')
        .update({ data: { tags: _().pop(), 'tags.0': 'x' } }),
    )
    expect(conflict.errCode).toBe(-502001)
    expect(await getDoc('u')).toEqual(base)
  })
})

describe('every query command the SDK emits', () => {
  beforeEach(async () => {
    await devcloud.db.put('things', {
      _id: 'a',
      total: 5,
      status: 'PAID',
      tags: ['x', 'y'],
      items: [{ q: 1 }],
      addr: { city: 'SZ' },
      title: 'Apple',
      at: new Date('2026-01-01T00:00:00Z'),
    })
    await devcloud.db.put('things', {
      _id: 'b',
      total: 50,
      status: 'SHIPPED',
      tags: ['y'],
      items: [{ q: 5 }],
      addr: { city: 'GZ' },
      title: 'banana',
      note: null,
    })
    await devcloud.db.put('things', {
      _id: 'c',
      total: 500,
      status: 'DELIVERED',
      tags: [],
      items: [],
      addr: { city: 'SZ' },
      title: 'Cherry',
      note: 'n',
    })
  })

  test.each<[string, () => Row, string[]]>([
    ['equality', () => ({ status: 'PAID' }), ['a']],
    ['_.gt(10).and(_.lte(500))', () => ({ total: _().gt(10).and(_().lte(500)) }), ['b', 'c']],
    ['_.or', () => ({ total: _().lt(10).or(_().gt(100)) }), ['a', 'c']],
    ['_.or of conditions', () => _().or([{ status: 'PAID' }, { total: 500 }]) as unknown as Row, ['a', 'c']],
    ['_.neq', () => ({ status: _().neq('PAID') }), ['b', 'c']],
    ['_.in', () => ({ status: _().in(['PAID', 'DELIVERED']) }), ['a', 'c']],
    ['_.nin', () => ({ status: _().nin(['PAID']) }), ['b', 'c']],
    ['_.elemMatch', () => ({ items: _().elemMatch({ q: _().gt(2) }) }), ['b']],
    ['_.exists(false)', () => ({ note: _().exists(false) }), ['a']],
    ['_.size', () => ({ tags: _().size(1) }), ['b']],
    ['_.all', () => ({ tags: _().all(['x', 'y']) }), ['a']],
    ['array membership', () => ({ tags: 'y' }), ['a', 'b']],
    ['null matches null and missing', () => ({ note: null }), ['a', 'b']],
    ['dotted path', () => ({ 'addr.city': 'SZ' }), ['a', 'c']],
    ['nested object', () => ({ addr: { city: 'GZ' } }), ['b']],
    ['db.RegExp', () => ({ title: sdk.db.RegExp({ regexp: '^[ab]', options: 'i' }) }), ['a', 'b']],
    ['Date comparison', () => ({ at: _().lt(new Date('2026-02-01T00:00:00Z')) }), ['a']],
  ])('%s', async (_label, query, expected) => {
    expect(await list(query())).toEqual(expected)
  })

  test('orderBy, skip, limit and field', async () => {
    const result = await done(things().where({}).orderBy('total', 'desc').skip(1).limit(1).field({ total: true }).get())
    expect(result.data).toEqual([{ _id: 'b', total: 50 }])
  })

  test('aggregate: match, group with sum, sort', async () => {
    const $ = (sdk.db.command as unknown as { aggregate: { sum: (value: unknown) => unknown } }).aggregate
    const result = await done(
      things()
        .aggregate()
        .match({ total: _().gte(5) })
        .group({ _id: '$addr.city', sum: $.sum('$total') })
        .sort({ _id: 1 })
        .end(),
    )
    expect((result as { list: Row[] }).list).toEqual([
      { _id: 'GZ', sum: 50 },
      { _id: 'SZ', sum: 505 },
    ])
  })

  test('aggregate: $lookup reads another collection', async () => {
    await devcloud.db.put('items', { _id: 'i1', status: 'PAID', label: 'paid label' })
    const result = await done(
      things().aggregate().match({ _id: 'a' }).lookup({ from: 'items', localField: 'status', foreignField: 'status', as: 'joined' }).end(),
    )
    expect(((result as { list: Row[] }).list[0]?.joined as Row[])[0]).toEqual({ _id: 'i1', status: 'PAID', label: 'paid label' })
  })
})

describe('limits (server SDK: default 100, at most 1000)', () => {
  beforeEach(async () => {
    for (let index = 0; index < 1100; index += 1) await devcloud.db.put('things', { _id: `l${String(index).padStart(4, '0')}`, index })
  })

  test('no limit returns 100', async () => {
    expect((await done(things().get())).data).toHaveLength(100)
  })

  test('a limit over 1000 returns 1000', async () => {
    expect((await done(things().limit(5000).get())).data).toHaveLength(1000)
  })

  test('skip pages on', async () => {
    const page = (await done(things().orderBy('index', 'asc').skip(1050).limit(100).get())).data as Row[]
    expect(page.map((row) => row.index)).toEqual(Array.from({ length: 50 }, (_unused, offset) => 1050 + offset))
  })

  test('count is not limited', async () => {
    expect(await done(things().count())).toMatchObject({ total: 1100 })
  })
})

describe('isolation by env id, and updateAndReturn', () => {
  test("each env id has its own data; the devcloud's default env does not see another env's writes", async () => {
    const other = `${devcloud.envId}-other`
    const added = await rawAction(devcloud.url, '/admin', {
      action: 'database.insertDocument',
      envName: other,
      collectionName: 'things',
      data: ['{"_id":"elsewhere"}'],
    })
    expect(added).toMatchObject({ data: { insertedIds: ['elsewhere'] } })
    expect(await devcloud.db.get('things', 'elsewhere')).toBeNull()
    const read = await rawAction(devcloud.url, '/admin', {
      action: 'database.getDocument',
      envName: other,
      collectionName: 'things',
      queryType: 'DOC',
      query: '{"_id":"elsewhere"}',
    })
    expect((read.data as { list: string[] }).list).toEqual(['{"_id":"elsewhere"}'])
  })

  test('database.modifyAndReturnDoc updates the first match and returns it', async () => {
    await devcloud.db.put('things', { _id: 'r1', n: 1 })
    const reply = await rawAction(devcloud.url, '/admin', {
      action: 'database.modifyAndReturnDoc',
      envName: devcloud.envId,
      collectionName: 'things',
      queryType: 'WHERE',
      query: '{"n":{"$numberInt":"1"}}',
      data: '{"$inc":{"n":{"$numberInt":"4"}}}',
    })
    expect(reply).toMatchObject({ data: { updated: 1, doc: '{"_id":"r1","n":{"$numberInt":"5"}}' } })
  })
})

describe('not found, unknown collections, bad input', () => {
  test('doc.get of a missing document rejects by default (throwOnNotFound)', async () => {
    const missing = await failure(things().doc('nope').get())
    expect(missing.message).toContain('document with _id nope does not exist')
  })

  test('with throwOnNotFound:false it answers data null', async () => {
    const lenient = sdk.cloud.database({ throwOnNotFound: false } as never)
    expect(await done(lenient.collection('things').doc('nope').get())).toMatchObject({ data: null })
  })

  test('collections are not auto-created: -502005 until createCollection', async () => {
    const missing = await failure(sdk.db.collection('later').add({ data: { n: 1 } }))
    expect(missing.errCode).toBe(-502005)
    expect(await done(sdk.db.collection('later').get()).catch((error: { errCode: number }) => error.errCode)).toBe(-502005)
    await sdk.db.createCollection('later')
    expect(await done(sdk.db.collection('later').add({ data: { _id: 'x', n: 1 } }))).toMatchObject({ _id: 'x' })
    const again = await sdk.db.createCollection('later').catch((error: Error) => error.message)
    expect(again).toContain('Table exist: later')
  })

  test('an unknown action gets the platform invalid-param error', async () => {
    expect(await rawAction(devcloud.url, '/admin', { action: 'database.dropEverything', envName: devcloud.envId })).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('unsupported action'),
    })
  })

  test('malformed EJSON is a request failure, and the emulator keeps serving', async () => {
    const reply = await rawAction(devcloud.url, '/admin', {
      action: 'database.getDocument',
      envName: devcloud.envId,
      collectionName: 'things',
      queryType: 'WHERE',
      query: '{"status":',
    })
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('invalid EJSON') })
    expect((await done(things().get())).data).toEqual([])
  })

  test.each([
    ['a body that is not JSON', 'not json', 'INVALID_PARAM'],
    ['params of the wrong type', { action: 'database.getDocument', envName: 'test-x', collectionName: 7 }, 'INVALID_PARAM'],
    ['an env that is not dev-/test-', { action: 'database.getDocument', envName: 'prod-shop', collectionName: 'things' }, 'INVALIID_ENV'],
  ])('%s is refused with the platform code', async (_label, body, code) => {
    expect(await rawAction(devcloud.url, '/admin', body)).toMatchObject({ code })
  })
})
