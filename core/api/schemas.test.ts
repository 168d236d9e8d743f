import {
  backfillEntrySchema,
  backfillTrackingInput,
  createOrderInput,
  getOrderTrackingInput,
  merchantConsoleInput,
  parcelIdOf,
  refreshTrackingInput,
} from '.'

const address = {
  userName: '张三',
  telNumber: '13800001234',
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '科技园路 1 号',
  postalCode: '518000',
  errMsg: 'chooseAddress:ok',
  nationalCode: '440305',
}

describe('function input schemas refuse what must never reach a query', () => {
  it.each([
    ['an operator object as an order id', { orderId: { $ne: null } }],
    ['a regex-looking id', { orderId: '.*' }],
    ['an empty id', { orderId: '' }],
    ['an id with a path separator', { orderId: 'a/b' }],
    ['a missing id', {}],
  ])('getOrderTracking refuses %s', (_case, input) => {
    expect(getOrderTrackingInput.safeParse(input).success).toBe(false)
  })

  it.each([
    ['a lower-case carrier', 'sf:SF1234567890123'],
    ['no separator', 'SF1234567890123'],
    ['an operator', { $gt: '' }],
  ])('refreshTracking refuses %s as a parcel id', (_case, parcelId) => {
    expect(refreshTrackingInput.safeParse({ parcelId }).success).toBe(false)
  })

  it('accepts a parcel id built from normalised parts', () => {
    expect(refreshTrackingInput.parse({ parcelId: parcelIdOf('SF', 'SF1234567890123') })).toEqual({ parcelId: 'SF:SF1234567890123' })
  })
})

describe('createOrder input', () => {
  it('takes the wx.chooseAddress object and drops the fields it does not use', () => {
    const parsed = createOrderInput.parse({ items: [{ productId: 'p-tea', quantity: 2 }], address })
    expect(parsed.address).toEqual({
      userName: '张三',
      telNumber: '13800001234',
      provinceName: '广东省',
      cityName: '深圳市',
      countyName: '南山区',
      detailInfo: '科技园路 1 号',
      postalCode: '518000',
    })
  })

  it.each([
    ['no items', { items: [], address }],
    [
      'a product twice',
      {
        items: [
          { productId: 'p', quantity: 1 },
          { productId: 'p', quantity: 2 },
        ],
        address,
      },
    ],
    ['a zero quantity', { items: [{ productId: 'p', quantity: 0 }], address }],
    ['a fractional quantity', { items: [{ productId: 'p', quantity: 1.5 }], address }],
    ['a phone that is not one', { items: [{ productId: 'p', quantity: 1 }], address: { ...address, telNumber: 'call me' } }],
    ['a blank receiver', { items: [{ productId: 'p', quantity: 1 }], address: { ...address, userName: '  ' } }],
  ])('refuses %s', (_case, input) => {
    expect(createOrderInput.safeParse(input).success).toBe(false)
  })
})

describe('backfillTracking input', () => {
  it('accepts up to 500 entries in the envelope and leaves each entry to its own validation', () => {
    expect(backfillTrackingInput.safeParse({ entries: Array.from({ length: 500 }, () => ({})) }).success).toBe(true)
    expect(backfillTrackingInput.safeParse({ entries: Array.from({ length: 501 }, () => ({})) }).success).toBe(false)
    expect(backfillTrackingInput.safeParse({ entries: [] }).success).toBe(false)
  })

  it.each([
    ['an unknown carrier code', { orderId: 'o1', trackingNo: 'SF1234567890123', carrier: 'XX' }],
    ['a 3-digit phone tail', { orderId: 'o1', trackingNo: 'SF1234567890123', phoneTail: '123' }],
    ['an operator as the order id', { orderId: { $ne: null }, trackingNo: 'SF1234567890123' }],
    ['an empty number', { orderId: 'o1', trackingNo: '' }],
  ])('an entry with %s is invalid', (_case, entry) => {
    expect(backfillEntrySchema.safeParse(entry).success).toBe(false)
  })
})

describe('merchantConsole input', () => {
  it('defaults the performance window to 30 days', () => {
    expect(merchantConsoleInput.parse({ action: 'carrierPerformance' })).toEqual({ action: 'carrierPerformance', sinceDays: 30 })
  })

  it('refuses an unknown action', () => {
    expect(merchantConsoleInput.safeParse({ action: 'dropTables' }).success).toBe(false)
  })
})
