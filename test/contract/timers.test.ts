// Timer triggers from config.json on the devcloud clock (7-field cron, UTC+8), and on demand.
import type { DevCloud } from '../../dev/cloud'
import { manualClock, startContractCloud } from '../support/devcloud'

jest.setTimeout(30_000)

// 10:00:30 in UTC+8; `ticker` fires at second 0 of every minute.
const clock = manualClock(Date.parse('2026-03-01T10:00:30+08:00'))
let devcloud: DevCloud

beforeAll(async () => {
  devcloud = await startContractCloud({ now: clock.now })
})
afterAll(() => devcloud.close())

test('nothing fires before the slot; at the slot the timer runs once with the SCF timer event', async () => {
  expect(await devcloud.tickTimers()).toEqual([])
  clock.set(Date.parse('2026-03-01T10:00:59+08:00'))
  expect(await devcloud.tickTimers()).toEqual([])
  clock.set(Date.parse('2026-03-01T10:01:00.250+08:00'))
  expect(await devcloud.tickTimers()).toEqual(['ticker/everyMinute'])
  expect(await devcloud.tickTimers()).toEqual([])
  const ticks = await devcloud.db.list('ticks')
  expect(ticks).toHaveLength(1)
  expect(ticks[0]).toMatchObject({
    event: { Type: 'timer', TriggerName: 'everyMinute', Time: '2026-03-01T02:01:00Z', Message: '' },
    source: 'wx_trigger',
    openid: null,
    at: new Date(clock.now()),
  })
})

test('a clock that jumps several slots fires once, not once per missed slot', async () => {
  await devcloud.reset()
  clock.set(Date.parse('2026-03-01T10:07:10+08:00'))
  expect(await devcloud.tickTimers()).toEqual(['ticker/everyMinute'])
  expect(await devcloud.db.count('ticks')).toBe(1)
})

test('fireTimer runs a trigger on demand; a function without one is refused', async () => {
  await devcloud.reset()
  await devcloud.fireTimer('ticker')
  expect((await devcloud.db.list('ticks'))[0]).toMatchObject({ event: { Type: 'timer', TriggerName: 'everyMinute' }, source: 'wx_trigger' })
  await expect(devcloud.fireTimer('whoami')).rejects.toMatchObject({
    code: 'FUNCTIONS_REQUEST_FAIL',
    message: expect.stringContaining('no timer trigger'),
  })
})

test('POST /devcloud/v1/timers/<function> fires it too', async () => {
  await devcloud.reset()
  const response = await fetch(`${devcloud.url}/devcloud/v1/timers/ticker`, { method: 'POST' })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ fired: 'everyMinute' })
  expect(await devcloud.db.count('ticks')).toBe(1)
})
