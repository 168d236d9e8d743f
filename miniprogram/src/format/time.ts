// Times the shopper reads, in the shopper's own zone. Events are stored as instants (epoch ms), so
// the zone is chosen only here; callers pass it explicitly, which keeps these functions pure and
// lets tests pin any zone.
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { t } from '../i18n/zh-CN'

dayjs.extend(utc)
dayjs.extend(timezone)

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The device's zone; WeChat runs in the phone's zone, which for our shoppers is almost always Asia/Shanghai. */
export function shopperZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai'
  } catch {
    return 'Asia/Shanghai'
  }
}

function inZone(at: number, zone: string) {
  return dayjs(at).tz(zone)
}

/** `2026-03-01` in the shopper's zone: the key events are grouped by. */
export function dayKey(at: number, zone: string): string {
  return inZone(at, zone).format('YYYY-MM-DD')
}

export function formatClock(at: number, zone: string): string {
  return inZone(at, zone).format('HH:mm')
}

export function formatDateTime(at: number, zone: string): string {
  return inZone(at, zone).format('YYYY-MM-DD HH:mm')
}

/** Whole calendar days from `now`'s day to `at`'s day in `zone` (0 today, -1 yesterday, 1 tomorrow). */
export function calendarDayOffset(at: number, now: number, zone: string): number {
  const day = (ms: number) => {
    const local = inZone(ms, zone)
    return Date.UTC(local.year(), local.month(), local.date())
  }
  return Math.round((day(at) - day(now)) / DAY)
}

/** 今天 / 昨天 / 明天 / 3月1日 / 2025年12月30日 (another year), with the weekday when asked. */
export function formatDay(at: number, now: number, zone: string, options: { weekday?: boolean } = {}): string {
  const offset = calendarDayOffset(at, now, zone)
  const local = inZone(at, zone)
  const weekday = options.weekday ? ` ${t.time.weekdays[local.day()]}` : ''
  if (offset === 0) return t.time.today
  if (offset === -1) return t.time.yesterday
  if (offset === 1) return t.time.tomorrow
  if (local.year() !== inZone(now, zone).year()) return t.time.yearMonthDay(local.year(), local.month() + 1, local.date()) + weekday
  return t.time.monthDay(local.month() + 1, local.date()) + weekday
}

/** 刚刚 / 5分钟前 / 3小时前 / 2天前, then the date: how long ago, as a person says it. */
export function relativeTime(at: number, now: number, zone: string): string {
  const elapsed = now - at
  // A clock a little ahead of ours (the cloud's, a vendor's) is still "just now", never "in 2 minutes".
  if (elapsed < MINUTE) return t.time.justNow
  if (elapsed < HOUR) return t.time.minutesAgo(Math.floor(elapsed / MINUTE))
  if (elapsed < DAY) return t.time.hoursAgo(Math.floor(elapsed / HOUR))
  if (elapsed < 7 * DAY) return t.time.daysAgo(Math.floor(elapsed / DAY))
  return formatDay(at, now, zone)
}
