import { readdirSync } from 'node:fs'
import * as path from 'node:path'
import { REPO_ROOT } from './config'
import { IndexAdvisor, loadIndexes } from './indexAdvisor'

const LEADING = new Map([['parcels', new Set(['orderId', 'terminal', 'shippedAt'])]])

describe('IndexAdvisor', () => {
  test.each([
    ['the leading field of an index', { orderId: 'o1' }, false],
    ['the document id', { _id: 'SF:1', version: 3 }, false],
    ['a field no index starts with', { trackingNo: 'SF1' }, true],
    ['an $or whose every branch is served', { $or: [{ orderId: 'o1' }, { shippedAt: { $gte: 1 } }] }, false],
    ['an $or with an unserved branch', { $or: [{ orderId: 'o1' }, { trackingNo: 'x' }] }, true],
    ['an $and where one part is served', { $and: [{ $or: [{ status: 'EXCEPTION' }, { lastEventAt: null }] }, { terminal: false }] }, false],
    ['no condition (natural order, bounded by the limit)', {}, false],
  ])('%s', (_name, condition, warns) => {
    const messages: string[] = []
    new IndexAdvisor(LEADING, (message) => messages.push(message)).check('parcels', condition)
    expect(messages.length > 0).toBe(warns)
  })

  test('warns once per query shape', () => {
    const messages: string[] = []
    const advisor = new IndexAdvisor(LEADING, (message) => messages.push(message))
    advisor.check('parcels', { trackingNo: 'a' })
    advisor.check('parcels', { trackingNo: 'b' })
    advisor.check('orders', { status: 'PAID' })
    expect(messages).toEqual([
      '[devcloud] no index in cloudbase/indexes.json serves this query on parcels: trackingNo',
      '[devcloud] no index in cloudbase/indexes.json serves this query on orders: status',
    ])
  })

  test('cloudbase/indexes.json parses and names only collections that have rules', () => {
    const indexes = loadIndexes(path.join(REPO_ROOT, 'cloudbase'))
    expect(indexes.get('orders')).toEqual(new Set(['_openid', 'status', 'shippingSync.state']))
    const rules = readdirSync(path.join(REPO_ROOT, 'cloudbase', 'rules')).map((file) => file.replace(/\.json$/, ''))
    for (const collection of indexes.keys()) expect(rules).toContain(collection)
  })
})
