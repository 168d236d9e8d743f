import { extractCourier } from './extractCourier'

describe('extractCourier', () => {
  it.each([
    ['正在派件..(派件人:张师傅,电话:13800001234)', { kind: 'courier', name: '张师傅', phone: '13800001234' }],
    ['【快递员 李四 138****5678】正在派件', { kind: 'courier', name: '李四', phone: '138****5678' }],
    ['快递员：王五（139 1234 5678）正在为您派件', { kind: 'courier', name: '王五', phone: '13912345678' }],
    ['派送员【赵六】,电话【13700001111】', { kind: 'courier', name: '赵六', phone: '13700001111' }],
    ['快递员李四正在派件', { kind: 'courier', name: '李四' }],
    ['请联系快递员13700001111', { kind: 'courier', phone: '13700001111' }],
    ['【深圳市】广东深圳公司 收件员 Tom 已揽收', { kind: 'courier', name: 'Tom' }],
    ['已放入【菜鸟驿站-南山科技园店】,联系电话:0755-12345678', { kind: 'station', name: '菜鸟驿站-南山科技园店', phone: '0755-12345678' }],
    ['您的快件已存放至丰巢，如有疑问请联系 13600002222', { kind: 'station', phone: '13600002222' }],
    ['【上海市】正在派送，电话 +86 135-0000-3333', { kind: 'courier', phone: '13500003333' }],
    ['[北京市]快件交给刘某，正在派送途中（联系电话：136****3333）', { kind: 'courier', name: '刘某', phone: '136****3333' }],
    [
      '您的快件已存放至【兔喜生活超市】，请凭取件码 8-1-2034 及时取件，联系电话 0755-****5678',
      { kind: 'station', name: '兔喜生活超市', phone: '0755-****5678' },
    ],
  ])('%j', (text, expected) => {
    expect(extractCourier(text)).toEqual(expected)
  })

  it.each([
    '【深圳市】已到达 深圳转运中心',
    '客服热线95338',
    '已放入快递柜',
    '运单 SF13812345678 已揽收',
    '已签收，如有疑问请拨打 400-111-9999',
    '快件已交给中通快递，单号 73100000000001',
  ])('%j has no contact', (text) => {
    expect(extractCourier(text)).toBeUndefined()
  })
})
