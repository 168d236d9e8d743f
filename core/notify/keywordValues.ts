// A subscribe message's values, built per keyword kind and cut to WeChat's limits (reference/wechat.md
// §4): thing ≤ 20 characters, phrase ≤ 5 Chinese characters, name ≤ 10 CJK / 20 Latin,
// character_string ≤ 32 printable ASCII, number ≤ 32 digits, phone_number ≤ 17, car_number ≤ 8,
// symbol ≤ 5, letter ≤ 32 letters. Over-long values fail the whole send with 47003, so every value is
// cut here; a value that cannot be made valid (a phrase with no Chinese) is reported, not sent.
export const KEYWORD_KINDS = [
  'thing',
  'phrase',
  'name',
  'character_string',
  'number',
  'letter',
  'symbol',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
] as const
export type KeywordKind = (typeof KEYWORD_KINDS)[number]

/** `thing2` → `thing`; undefined for a key of no known kind. */
export function keywordKind(key: string): KeywordKind | undefined {
  const kind = key.replace(/\d+$/, '')
  return (KEYWORD_KINDS as readonly string[]).includes(kind) && kind !== key ? (kind as KeywordKind) : undefined
}

const chars = (value: string) => [...value]
const cut = (value: string, max: number) => {
  const list = chars(value)
  return list.length <= max ? value : `${list.slice(0, max - 1).join('')}…`
}
const isCjk = (char: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(char)

export type KeywordValue = { ok: true; value: string } | { ok: false; reason: string }

const valid = (value: string): KeywordValue =>
  value === '' ? { ok: false, reason: 'empty after cutting to the kind' } : { ok: true, value }

export function keywordValue(kind: KeywordKind, raw: string): KeywordValue {
  const text = raw.replace(/\s+/g, ' ').trim()
  switch (kind) {
    case 'thing':
      return valid(cut(text, 20))
    case 'phrase':
      return valid(chars(text).filter(isCjk).slice(0, 5).join(''))
    case 'name':
      return valid(chars(text).some(isCjk) ? cut(text, 10) : cut(text, 20))
    case 'character_string':
      return valid(text.replace(/[^\x21-\x7e]/g, '').slice(0, 32))
    case 'number':
      return valid(text.replace(/\D/g, '').slice(0, 32))
    case 'letter':
      return valid(text.replace(/[^A-Za-z]/g, '').slice(0, 32))
    case 'symbol':
      return valid(
        chars(text.replace(/[\p{L}\p{N}\s]/gu, ''))
          .slice(0, 5)
          .join(''),
      )
    case 'phone_number':
      return valid(text.replace(/[^\d+\-*() ]/g, '').slice(0, 17))
    case 'car_number':
      return valid(chars(text).slice(0, 8).join(''))
    case 'time':
    case 'date':
      return valid(text.slice(0, 40))
    case 'amount':
      return valid(text.slice(0, 12))
  }
}

/** Beijing wall time for `time`/`date` keywords: China keeps UTC+8 all year, so no zone data is needed. */
export function beijingTime(at: number, kind: 'time' | 'date'): string {
  const local = new Date(at + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`
  return kind === 'date' ? day : `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}
