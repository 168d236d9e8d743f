// Calendar arithmetic in Asia/Shanghai for the assistant: "昨天", "上周", "11月18日" are days there.
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
// order this shop can hold; no time-zone database is needed in the resolver.
const OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

/** Days since 1970-01-01 in Shanghai. */
export function shanghaiDay(at: number): number {
  return Math.floor((at + OFFSET_MS) / DAY_MS)
}

/** The instant a Shanghai day starts. */
export function dayStart(day: number): number {
  return day * DAY_MS - OFFSET_MS
}

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function calendarDate(at: number): CalendarDate {
  const shifted = new Date(at + OFFSET_MS)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}

/** The Shanghai day number of a calendar date (month 1-12); days past a month's end roll over. */
export function dayOf(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS)
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

function two(value: number): string {
  return String(value).padStart(2, '0')
}

/** `11月18日` */
export function formatDay(at: number): string {
  const date = calendarDate(at)
  return `${date.month}月${date.day}日`
}

/** `11月18日 14:05` */
export function formatMinute(at: number): string {
  const shifted = new Date(at + OFFSET_MS)
  return `${formatDay(at)} ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`
}
