import { MAX_RECONNECT_ATTEMPTS, reconnectDelay } from './reconnectDelay'

describe('reconnectDelay', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [5, 16_000],
    [6, 30_000],
    [7, null],
  ])('attempt %i waits %s ms', (attempt, delay) => {
    expect(reconnectDelay(attempt)).toBe(delay)
  })

  it('stops after the last automatic attempt', () => {
    expect(reconnectDelay(MAX_RECONNECT_ATTEMPTS)).not.toBeNull()
    expect(reconnectDelay(MAX_RECONNECT_ATTEMPTS + 1)).toBeNull()
  })

  it.each([0, -1, 1.5])('refuses attempt %s', (attempt) => {
    expect(() => reconnectDelay(attempt)).toThrow(/positive integer/)
  })
})
