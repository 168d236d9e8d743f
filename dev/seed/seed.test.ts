import { demoMerchants, DEV_MERCHANT_OPENID } from './merchants'
import { DEMO_PRODUCTS } from './products'

describe('demo products', () => {
  test('6–8 items with unique ids', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(6)
    expect(DEMO_PRODUCTS.length).toBeLessThanOrEqual(8)
    expect(new Set(DEMO_PRODUCTS.map((product) => product._id)).size).toBe(DEMO_PRODUCTS.length)
  })

  test.each(DEMO_PRODUCTS.map((product) => [product._id, product]))(
    '%s: price in whole fen, stock a count, placeholder image',
    (_id, product) => {
      expect(Number.isInteger(product.priceFen) && product.priceFen > 0).toBe(true)
      expect(Number.isInteger(product.stock) && product.stock >= 0).toBe(true)
      expect(product.image).toMatch(/^\/assets\/products\/[\w-]+\.png$/)
      expect(product.title.length).toBeGreaterThan(0)
    },
  )
})

describe('demo merchants', () => {
  test.each([
    [undefined, [DEV_MERCHANT_OPENID]],
    ['', [DEV_MERCHANT_OPENID]],
    ['o-anna, o-ben,,o-anna', [DEV_MERCHANT_OPENID, 'o-anna', 'o-ben']],
    [`${DEV_MERCHANT_OPENID},o-cai`, [DEV_MERCHANT_OPENID, 'o-cai']],
  ])('MERCHANT_OPENIDS=%p', (list, expected) => {
    const merchants = demoMerchants(list)
    expect(merchants.map((merchant) => merchant._id)).toEqual(expected)
    expect(merchants[0]?.role).toBe('owner')
    expect(merchants.slice(1).every((merchant) => merchant.role === 'staff')).toBe(true)
  })
})
