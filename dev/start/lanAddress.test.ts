import { devcloudHostFrom, lanAddress, weappRows } from './lanAddress'

describe('the LAN address for 真机调试', () => {
  it('is the first external IPv4 address', () => {
    expect(
      lanAddress({
        lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
        eth0: [
          { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 },
          { address: '192.168.1.5', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
        ],
      }),
    ).toBe('192.168.1.5')
    expect(
      lanAddress({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }] }),
    ).toBeNull()
  })

  it.each([
    ['127.0.0.1', 'DEVCLOUD_HOST=0.0.0.0 npm start'],
    ['0.0.0.0', 'LOCAL_CLOUD_URL=http://192.168.1.5:8787 npm run build:weapp:local'],
  ])('on host %s the phone row says %s', (host, text) => {
    expect(
      weappRows(host, 8787, '192.168.1.5')
        .map(([, value]) => value)
        .join('\n'),
    ).toContain(text)
  })

  it('refuses a host that is not an address', () => {
    expect(() => devcloudHostFrom('every interface')).toThrow('DEVCLOUD_HOST')
    expect(devcloudHostFrom(undefined)).toBe('127.0.0.1')
  })
})
