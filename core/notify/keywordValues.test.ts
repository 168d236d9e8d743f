import { beijingTime, keywordKind, keywordValue, type KeywordKind } from './keywordValues'

test.each([
  ['thing2', 'thing'],
  ['character_string10', 'character_string'],
  ['phrase3', 'phrase'],
  ['thing', undefined],
  ['bogus1', undefined],
])('keywordKind(%s)', (key, kind) => {
  expect(keywordKind(key)).toBe(kind)
})

test.each<[KeywordKind, string, string]>([
  ['thing', '快件已到达【北京望京营业部】，快递员正在派送中，请保持电话畅通', '快件已到达【北京望京营业部】，快递员正…'],
  ['thing', '帆布托特包', '帆布托特包'],
  ['phrase', '派送中', '派送中'],
  ['phrase', '已签收 (本人)', '已签收本人'],
  ['name', '顺丰速运有限公司北京分公司', '顺丰速运有限公司北…'],
  ['name', 'SF Express International', 'SF Express Internat…'],
  ['character_string', 'SF 1234 5678 9012 3', 'SF1234567890123'],
  ['character_string', 'X'.repeat(40), 'X'.repeat(32)],
  ['number', 'No. 2025-0001', '20250001'],
  ['phone_number', '138****5678', '138****5678'],
  ['car_number', '京A12345测试', '京A12345测'],
])('%s: %s → %s', (kind, raw, value) => {
  expect(keywordValue(kind, raw)).toEqual({ ok: true, value })
})

test('a value that cannot fit its kind is reported, not sent', () => {
  expect(keywordValue('phrase', 'OK')).toEqual({ ok: false, reason: 'empty after cutting to the kind' })
  expect(keywordValue('number', 'SF')).toMatchObject({ ok: false })
})

test('Beijing time is UTC+8 whatever the machine zone', () => {
  expect(beijingTime(Date.UTC(2025, 0, 2, 7, 5), 'time')).toBe('2025年1月2日 15:05')
  expect(beijingTime(Date.UTC(2025, 11, 31, 16, 30), 'date')).toBe('2026年1月1日')
})
