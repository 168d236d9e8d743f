import { durationText, hoursText } from './durationText'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('durationText', () => {
  it.each([
    [0, '1分钟'],
    [59 * MINUTE, '59分钟'],
    [HOUR, '1小时'],
    [47 * HOUR + 59 * MINUTE, '47小时'],
    [48 * HOUR, '2天'],
    [80 * HOUR, '3天'],
  ])('%d ms → %s', (ms, text) => {
    expect(durationText(ms)).toBe(text)
  })
})

describe('hoursText', () => {
  it.each([
    [0.5, '0.5小时'],
    [36.44, '36.4小时'],
    [48, '2天'],
    [61, '2.5天'],
  ])('%d h → %s', (hours, text) => {
    expect(hoursText(hours)).toBe(text)
  })
})
