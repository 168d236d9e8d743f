import { DEFAULT_DEV_OPENID } from './devIdentities'
import { devIdentity } from './identity'

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      values.set(key, value)
    },
  }
}

describe('devIdentity', () => {
  it.each([
    ['the hash query of a routed page', { search: '', hash: '#/pages/order/detail?id=o1&as=dev-shopper-2' }, 'dev-shopper-2'],
    ['the search part', { search: '?as=dev-merchant', hash: '#/pages/index/index' }, 'dev-merchant'],
    ['nothing: the default shopper', { search: '', hash: '#/pages/index/index' }, DEFAULT_DEV_OPENID],
    ['a value that is not an openid', { search: '', hash: '#/p?as=%3Cscript%3E' }, DEFAULT_DEV_OPENID],
  ])('reads %s', (_case, location, expected) => {
    expect(devIdentity(location, memoryStorage())).toBe(expected)
  })

  it('remembers the chosen identity for later pages without ?as=', () => {
    const storage = memoryStorage()
    devIdentity({ search: '', hash: '#/a?as=dev-merchant' }, storage)
    expect(devIdentity({ search: '', hash: '#/pages/orders/index' }, storage)).toBe('dev-merchant')
  })
})
