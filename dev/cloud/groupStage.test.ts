import { Aggregator } from 'mingo'
import type { Doc } from './ejson'
import { runSimplePipeline } from './groupStage'

const DOCS: Doc[] = [
  {
    _id: 'a',
    carrier: 'SF',
    shippedAt: 10,
    supersededBy: null,
    destination: { province: '广东' },
    stats: { deliveryBucket: 30.5, troubled: 0 },
  },
  {
    _id: 'b',
    carrier: 'SF',
    shippedAt: 20,
    supersededBy: null,
    destination: { province: '浙江' },
    stats: { deliveryBucket: 30.5, troubled: 1 },
  },
  {
    _id: 'c',
    carrier: 'YTO',
    shippedAt: 30,
    supersededBy: null,
    destination: { province: '广东' },
    stats: { deliveryBucket: null, troubled: 0 },
  },
  { _id: 'd', carrier: 'YTO', shippedAt: 40, supersededBy: 'x', destination: { province: '广东' } },
  { _id: 'e', carrier: 'ZTO', shippedAt: 50, supersededBy: null, destination: { province: '广东' } },
  {
    _id: 'f',
    carrier: 'ZTO',
    shippedAt: 5,
    supersededBy: null,
    destination: { province: '江苏' },
    stats: { deliveryBucket: 72, troubled: 0 },
    total: 4,
  },
]

const histogram = (field: string) => [
  { $match: { shippedAt: { $gte: 10 }, supersededBy: null } },
  { $group: { _id: { g: field, b: '$stats.deliveryBucket' }, n: { $sum: 1 }, t: { $sum: '$stats.troubled' } } },
  { $group: { _id: '$_id.g', troubled: { $sum: '$t' }, cells: { $push: ['$_id.b', '$n'] } } },
  { $limit: 1000 },
]

describe('runSimplePipeline gives what mingo gives', () => {
  test.each([
    ['histogram by carrier', histogram('$carrier')],
    ['histogram by a nested path', histogram('$destination.province')],
    ['count of everything', [{ $group: { _id: null, n: { $sum: 1 } } }]],
    ['sum of a field, missing counts 0', [{ $group: { _id: '$carrier', total: { $sum: '$total' } } }]],
    ['push of a path', [{ $match: { carrier: 'SF' } }, { $group: { _id: '$carrier', ids: { $push: '$_id' } } }]],
    ['limit after group', [{ $group: { _id: '$carrier', n: { $sum: 1 } } }, { $limit: 2 }]],
  ])('%s', (_name, pipeline) => {
    const simple = runSimplePipeline(pipeline as Doc[], DOCS)
    expect(simple).toBeDefined()
    expect(simple).toEqual(new Aggregator(pipeline as Doc[]).run(DOCS))
  })
})

describe('anything else is left to mingo', () => {
  test.each([
    ['no group', [{ $match: { carrier: 'SF' } }]],
    ['a sort stage', [{ $group: { _id: '$carrier', n: { $sum: 1 } } }, { $sort: { n: -1 } }]],
    ['an expression in the key', [{ $group: { _id: { $toUpper: '$carrier' }, n: { $sum: 1 } } }]],
    ['an accumulator it does not run', [{ $group: { _id: '$carrier', first: { $first: '$_id' } } }]],
    ['a path that crosses an array', [{ $group: { _id: '$tags.name', n: { $sum: 1 } } }]],
  ])('%s', (_name, pipeline) => {
    expect(runSimplePipeline(pipeline as Doc[], [...DOCS, { _id: 'g', tags: [{ name: 'x' }] }])).toBeUndefined()
  })
})
