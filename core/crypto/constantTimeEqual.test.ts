import fc from 'fast-check'
import { constantTimeEqual } from './constantTimeEqual'

describe('constantTimeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['', 'a', false],
    ['NzhiMmJk', 'NzhiMmJk', true],
  ])('%j vs %j → %j', (expected, received, equal) => {
    expect(constantTimeEqual(expected, received)).toBe(equal)
  })

  it('agrees with === on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b)
        expect(constantTimeEqual(a, a)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
