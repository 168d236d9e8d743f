// Time words in a shopper's question, relative to the `now` the caller gives: 今天, 昨天, 前天,
// N天前, 前几天, 这周/上周, 这个月/上个月, 11月18日, 18号. Each becomes a range of order times
// [from, to) in Asia/Shanghai days; "刚买的" and "最近一单" mean the newest order, not a range.
import { calendarDate, dayOf, dayStart, shanghaiDay, weekday } from './shanghaiCalendar'

export interface TimeRange {
  from: number
  to: number
  words: string
}

export interface TimeWords {
  range: TimeRange | null
  /** The question asks for the newest order (刚买的, 最近一单, 上一单…). */
  newest: boolean
  /** The question with the matched words blanked out, for the other matchers. */
  rest: string
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/** 1-31 written as digits or as 一 … 三十一. */
export function smallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text)
  if (!match || text === '') return null
  const [, first, ten, units] = match
  const head = first ? (DIGITS[first] ?? 0) : 0
  if (!ten) return units ? null : head || null
  return (first ? head : 1) * 10 + (units ? (DIGITS[units] ?? 0) : 0)
}

const NUMBER = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})'

interface Rule {
  pattern: RegExp
  range: (match: RegExpExecArray, today: number, now: number) => { from: number; to: number } | null
}

const days = (first: number, last: number) => ({ from: dayStart(first), to: dayStart(last + 1) })

function monthRange(year: number, month: number) {
  return { from: dayStart(dayOf({ year, month, day: 1 })), to: dayStart(dayOf({ year, month: month + 1, day: 1 })) }
}

/** The latest past (or current) day with this month and day: "11月18日" asked in January is last year's. */
function latestDate(month: number, day: number, today: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const { year } = calendarDate(dayStart(today))
  const thisYear = dayOf({ year, month, day })
  return thisYear <= today ? thisYear : dayOf({ year: year - 1, month, day })
}

const RULES: Rule[] = [
  {
    pattern: new RegExp(`(?:(\\d{4})年)?${NUMBER}月${NUMBER}(?:日|号)?`),
    range: (m, today) => {
      const month = smallNumber(m[2] ?? '')
      const day = smallNumber(m[3] ?? '')
      if (month === null || day === null) return null
      const date = m[1] ? dayOf({ year: Number(m[1]), month, day }) : latestDate(month, day, today)
      return date === null ? null : days(date, date)
    },
  },
  {
    pattern: /(?:^|[^\d.])(\d{1,2})[./](\d{1,2})(?![\d.])/,
    range: (m, today) => {
      const date = latestDate(Number(m[1]), Number(m[2]), today)
      return date === null ? null : days(date, date)
    },
  },
  {
    pattern: new RegExp(`${NUMBER}(?:号|日)(?:买|下单|订|那天|的)`),
    range: (m, today) => {
      const day = smallNumber(m[1] ?? '')
      if (day === null || day < 1 || day > 31) return null
      const { year, month, day: todayDay } = calendarDate(dayStart(today))
      const date = day <= todayDay ? dayOf({ year, month, day }) : dayOf({ year, month: month - 1, day })
      return days(date, date)
    },
  },
  { pattern: /大前天/, range: (_m, today) => days(today - 3, today - 3) },
  { pattern: /前天/, range: (_m, today) => days(today - 2, today - 2) },
  { pattern: /昨天|昨日|昨晚/, range: (_m, today) => days(today - 1, today - 1) },
  { pattern: /今天|今日|今早|今晚/, range: (_m, today) => days(today, today) },
  {
    pattern: new RegExp(`${NUMBER}天前`),
    range: (m, today) => {
      const ago = smallNumber(m[1] ?? '')
      return ago === null ? null : days(today - ago, today - ago)
    },
  },
  { pattern: /前几天|这几天|最近几天|前两天|这两天/, range: (_m, today) => days(today - 6, today) },
  {
    pattern: /上上周|上上个?星期|上上个?礼拜/,
    range: (_m, today) => {
      const monday = today - weekday(today)
      return days(monday - 14, monday - 8)
    },
  },
  {
    pattern: /上周|上个?星期|上个?礼拜/,
    range: (_m, today) => {
      const monday = today - weekday(today)
      return days(monday - 7, monday - 1)
    },
  },
  { pattern: /这周|本周|这个?星期|这个?礼拜/, range: (_m, today) => days(today - weekday(today), today) },
  {
    pattern: /上个月|上月/,
    range: (_m, today) => {
      const { year, month } = calendarDate(dayStart(today))
      return month === 1 ? monthRange(year - 1, 12) : monthRange(year, month - 1)
    },
  },
  {
    pattern: /这个月|本月/,
    range: (_m, today) => {
      const { year, month } = calendarDate(dayStart(today))
      return monthRange(year, month)
    },
  },
]

const NEWEST = /刚买的?|刚下单|刚刚|刚才|刚拍的?|最近一单|最近的?一个?订单|最新的?一?单?|最后一单|上一单|最近买的?|新买的?/

export function readTimeWords(question: string, now: number): TimeWords {
  const today = shanghaiDay(now)
  let rest = question
  let range: TimeRange | null = null
  for (const rule of RULES) {
    const match = rule.pattern.exec(rest)
    if (!match) continue
    const found = rule.range(match, today, now)
    if (!found) continue
    range = { ...found, words: match[0] }
    rest = rest.replace(match[0], ' ')
    break
  }
  const newest = NEWEST.exec(rest)
  if (newest) rest = rest.replace(newest[0], ' ')
  return { range, newest: newest !== null, rest }
}
