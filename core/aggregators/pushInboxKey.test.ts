import { createHash } from 'node:crypto'
import { pushInboxKey } from './pushInboxKey'
import { nodeDigests } from '../../server/platform/digests'

describe('pushInboxKey', () => {
  it.each([
    ['kdniao', 'RequestData=%7B%7D&RequestType=102&DataSign=x'],
    ['kuaidi100', 'param=%7B%22status%22%3A%22polling%22%7D&sign=ABC'],
  ] as const)('is sha256(vendor + raw body) for %s', (vendor, body) => {
    expect(pushInboxKey(vendor, body, nodeDigests)).toBe(
      createHash('sha256')
        .update(vendor + body, 'utf8')
        .digest('hex'),
    )
  })

  it('tells vendors apart for the same bytes', () => {
    expect(pushInboxKey('kdniao', 'x', nodeDigests)).not.toBe(pushInboxKey('kuaidi100', 'x', nodeDigests))
  })
})
