import { carrierFromText } from './carrierFromText'

describe('carrierFromText', () => {
  it.each([
    ['SF', 'SF'],
    ['sf', 'SF'],
    [' zto ', 'ZTO'],
    ['顺丰速运', 'SF'],
    ['顺丰', 'SF'],
    ['顺丰快递', 'SF'],
    ['中通', 'ZTO'],
    ['中通快递', 'ZTO'],
    ['中通快运', 'ZTOKY'],
    ['德邦', 'DBL'],
    ['德邦快运', 'DBLKY'],
    ['圆通', 'YTO'],
    ['极兔速递', 'JTSD'],
    ['J&T Express', 'JTSD'],
    ['EMS', 'EMS'],
    ['邮政快递包裹', 'YZPY'],
  ])('%s → %s', (text, code) => {
    expect(carrierFromText(text)).toBe(code)
  })

  it.each(['', '快递', '不存在快递', 'XYZ', '邮政'])('refuses %p instead of guessing', (text) => {
    expect(carrierFromText(text)).toBeNull()
  })
})
