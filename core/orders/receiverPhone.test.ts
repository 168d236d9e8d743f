import { maskReceiverPhone, phoneTailFromMasked } from './receiverPhone'

describe('receiver phone masking', () => {
  it.each([
    ['13800001234', '138****1234', '1234'],
    ['138 0000 1234', '138****1234', '1234'],
    ['+86 138-0000-1234', '138****1234', '1234'],
    ['0086 13800001234', '138****1234', '1234'],
    ['020-87654321', '020****4321', '4321'],
    ['1234567', '***4567', '4567'],
    ['1234', '****', null],
  ])('%s → %s', (tel, masked, tail) => {
    expect(maskReceiverPhone(tel)).toEqual({ telMasked: masked, tail })
  })

  it.each([
    ['138****1234', '1234'],
    ['****', null],
    ['138****12*4', null],
  ])('tail of %s is %p', (masked, tail) => {
    expect(phoneTailFromMasked(masked)).toBe(tail)
  })
})
