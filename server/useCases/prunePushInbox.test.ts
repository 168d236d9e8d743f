import { RETENTION_DEFAULTS, retentionConfigFrom } from './prunePushInbox'

describe('retentionConfigFrom', () => {
  it.each([
    [undefined, 30],
    ['', 30],
    ['  ', 30],
    ['30', 30],
    ['7', 7],
    [' 90 ', 90],
    ['3650', 3650],
  ])('PUSH_INBOX_RETENTION_DAYS=%j → %d days', (raw, days) => {
    expect(retentionConfigFrom({ PUSH_INBOX_RETENTION_DAYS: raw })).toEqual({
      ok: true,
      config: { ...RETENTION_DEFAULTS, retentionDays: days },
    })
  })

  it.each(['0', '-1', '1.5', 'thirty', '3651'])('refuses %j by name, not by value', (raw) => {
    const loaded = retentionConfigFrom({ PUSH_INBOX_RETENTION_DAYS: raw })
    expect(loaded).toEqual({ ok: false, message: 'configuration incomplete (invalid: PUSH_INBOX_RETENTION_DAYS)' })
  })
})
