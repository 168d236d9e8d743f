import { diffFields, isEmptyDiff, sameValue } from './fieldDiff'

describe('diffFields (realtime UpdatedFields / removedFields)', () => {
  test.each([
    ['changed top-level field', { _id: 'a', status: 'PAID' }, { _id: 'a', status: 'SHIPPED' }, { status: 'SHIPPED' }, []],
    [
      'nested field by dotted path',
      { _id: 'a', addr: { city: 'SZ', zip: '1' } },
      { _id: 'a', addr: { city: 'GZ', zip: '1' } },
      { 'addr.city': 'GZ' },
      [],
    ],
    ['new field', { _id: 'a' }, { _id: 'a', total: 105 }, { total: 105 }, []],
    ['removed field', { _id: 'a', addr: { city: 'SZ' }, n: 1 }, { _id: 'a', n: 1 }, {}, ['addr']],
    ['removed nested field', { _id: 'a', addr: { city: 'SZ', zip: '1' } }, { _id: 'a', addr: { city: 'SZ' } }, {}, ['addr.zip']],
    ['array reported whole', { _id: 'a', tags: ['x'] }, { _id: 'a', tags: ['x', 'y'] }, { tags: ['x', 'y'] }, []],
    ['object replaced by a scalar', { _id: 'a', addr: { city: 'SZ' } }, { _id: 'a', addr: 'none' }, { addr: 'none' }, []],
    ['equal dates are no change', { _id: 'a', at: new Date(5) }, { _id: 'a', at: new Date(5) }, {}, []],
    ['moved date', { _id: 'a', at: new Date(5) }, { _id: 'a', at: new Date(6) }, { at: new Date(6) }, []],
    ['_id never reported', { _id: 'a' }, { _id: 'b' }, {}, []],
  ])('%s', (_label, before, after, updated, removed) => {
    expect(diffFields(before, after)).toEqual({ updatedFields: updated, removedFields: removed })
  })

  test('an identical document is an empty diff', () => {
    expect(isEmptyDiff(diffFields({ _id: 'a', x: [1, { y: 2 }] }, { _id: 'a', x: [1, { y: 2 }] }))).toBe(true)
  })
})

describe('sameValue', () => {
  test.each([
    [1, 1, true],
    [1, '1', false],
    [null, undefined, false],
    [[1, [2]], [1, [2]], true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [/x/i, /x/i, true],
    [/x/i, /x/g, false],
  ])('%p vs %p → %p', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected)
  })
})
