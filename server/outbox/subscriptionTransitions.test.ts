import type { ParcelSubscription } from '../../core/api'
import { afterKuaidi100Stop, afterSubscribeAttempt, pendingSubscription, provenByPush } from './subscriptionTransitions'

const NOW = 1_000_000
const pending = pendingSubscription('kuaidi100', 0)
const subscribed: ParcelSubscription = { ...pending, state: 'subscribed', nextAttemptAt: null, subscribedAt: 10 }

describe('subscription outbox transitions', () => {
  it.each<[string, ParcelSubscription, Parameters<typeof afterSubscribeAttempt>[2], Partial<ParcelSubscription>]>([
    [
      'accepted',
      pending,
      { ok: true, alreadySubscribed: false },
      { state: 'subscribed', nextAttemptAt: null, subscribedAt: NOW, lastError: null, attempts: 0 },
    ],
    ['already tracked (501)', pending, { ok: true, alreadySubscribed: true }, { state: 'subscribed', subscribedAt: NOW }],
    [
      'an outage, first time',
      pending,
      { ok: false, retryable: true, error: 'network: ECONNREFUSED' },
      {
        state: 'pending',
        attempts: 1,
        nextAttemptAt: NOW + 60_000,
        lastError: 'network: ECONNREFUSED',
      },
    ],
    [
      'an outage, third time',
      { ...pending, attempts: 2 },
      { ok: false, retryable: true, error: 'HTTP 502' },
      { state: 'pending', attempts: 3, nextAttemptAt: NOW + 240_000 },
    ],
    [
      'refused for good',
      pending,
      { ok: false, retryable: false, error: '600 invalid_key: 不是合法的订阅者' },
      {
        state: 'failed',
        attempts: 1,
        nextAttemptAt: null,
        lastError: '600 invalid_key: 不是合法的订阅者',
      },
    ],
  ])('subscribe attempt: %s', (_case, current, outcome, expected) => {
    expect(afterSubscribeAttempt(current, 'kuaidi100', outcome, NOW)).toMatchObject(expected)
  })

  it.each<[string, ParcelSubscription, Parameters<typeof afterKuaidi100Stop>[1], Partial<ParcelSubscription>]>([
    [
      '3天查询无记录 re-subscribes after 31 min',
      subscribed,
      'no_record',
      { state: 'pending', resubscriptions: 1, nextAttemptAt: NOW + 31 * 60_000, attempts: 0 },
    ],
    ['3天查询无记录 a fourth time gives up', { ...subscribed, resubscriptions: 3 }, 'no_record', { state: 'failed', nextAttemptAt: null }],
    ['shutdown (signed) stops', subscribed, 'shutdown', { state: 'stopped', nextAttemptAt: null, lastError: null }],
    ['60天无变化 stops', subscribed, 'no_change', { state: 'stopped', lastError: 'abort: 60天无变化' }],
  ])('Kuaidi100 %s', (_case, current, reason, expected) => {
    const message = reason === 'no_change' ? '60天无变化' : reason === 'no_record' ? '3天查询无记录' : ''
    expect(afterKuaidi100Stop(current, reason, message, NOW)).toMatchObject(expected)
  })

  it('leaves another vendor’s subscription alone on a Kuaidi100 stop', () => {
    const kdniao = { ...subscribed, vendor: 'kdniao' as const }
    expect(afterKuaidi100Stop(kdniao, 'shutdown', '', NOW)).toBe(kdniao)
  })

  it.each<[string, ParcelSubscription, string]>([
    ['a pending subscription becomes subscribed', pending, 'subscribed'],
    ['a stopped one stays stopped', { ...subscribed, state: 'stopped' }, 'stopped'],
    ['another vendor’s pending one is not proven', { ...pending, vendor: 'kdniao' }, 'pending'],
  ])('a push: %s', (_case, current, state) => {
    expect(provenByPush(current, 'kuaidi100', NOW).state).toBe(state)
  })
})
