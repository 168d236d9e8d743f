import { find } from 'mingo'
import type { Doc } from './ejson'
import { matching, sortedByNumbers } from './simpleMatch'

const DOCS: Doc[] = [
  { _id: 'a', shippedAt: 10, supersededBy: null, terminal: false, status: 'EXCEPTION', lastEventAt: 5, sub: { state: 'pending' } },
  { _id: 'b', shippedAt: 20, supersededBy: 'x', terminal: false, status: 'IN_TRANSIT', lastEventAt: null },
  { _id: 'c', shippedAt: 30, terminal: true, status: 'DELIVERED', lastEventAt: 30, sub: { state: 'subscribed' } },
  { _id: 'd', shippedAt: '40', supersededBy: null, terminal: false, status: 'IN_TRANSIT' },
  { _id: 'e', shippedAt: 50, supersededBy: null, terminal: false, status: 'IN_TRANSIT', lastEventAt: 2, tags: ['x', 'y'] },
]

test.each<[string, Doc]>([
  ['equality and null matching missing', { supersededBy: null }],
  ['range on numbers ignores other types', { shippedAt: { $gte: 20 } }],
  ['range both ways', { shippedAt: { $gt: 10, $lte: 50 } }],
  ['$in and $ne', { status: { $in: ['EXCEPTION', 'DELIVERED'] }, terminal: { $ne: true } }],
  ['dotted paths', { 'sub.state': 'pending' }],
  [
    'the exception board',
    {
      $and: [
        { $or: [{ status: { $in: ['EXCEPTION'] } }, { lastEventAt: { $lte: 3 } }, { lastEventAt: null, shippedAt: { $lte: 100 } }] },
        { terminal: false, supersededBy: null },
      ],
    },
  ],
  ['left to mingo: an array on the path', { tags: 'x' }],
  ['left to mingo: a regex', { status: { $regex: '^IN' } }],
])('%s gives what mingo gives', (_name, condition) => {
  expect(matching(DOCS, condition)).toEqual(find(DOCS, condition).all())
})

test.each<[string, Record<string, 1 | -1>]>([
  ['ascending, null and missing first', { lastEventAt: 1 }],
  ['descending', { lastEventAt: -1 }],
  ['two keys', { lastEventAt: 1, shippedAt: 1 }],
])('sortedByNumbers %s gives what mingo gives', (_name, order) => {
  const numeric = DOCS.filter((doc) => typeof doc.shippedAt === 'number')
  expect(sortedByNumbers(numeric, order)).toEqual(find(numeric, {}).sort(order).all())
})

test('sortedByNumbers leaves strings to mingo', () => {
  expect(sortedByNumbers(DOCS, { shippedAt: 1 })).toBeUndefined()
})
