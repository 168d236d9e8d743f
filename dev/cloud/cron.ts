// Timer-trigger cron as WeChat cloud functions write it (reference/wechat.md §1.8): seven fields
// `sec min hour day month weekday year`, each accepting `, - * /`, month and weekday names, 0 = Sunday
// (the current docs; older mirrors say 0 = Monday, which is why names are the safe spelling), day and
// weekday ORed when both are restricted, evaluated in UTC+8.

export interface CronSchedule {
  source: string
  seconds: ReadonlySet<number>
  minutes: ReadonlySet<number>
  hours: ReadonlySet<number>
  days: ReadonlySet<number>
  months: ReadonlySet<number>
  weekdays: ReadonlySet<number>
  years: ReadonlySet<number>
  dayRestricted: boolean
  weekdayRestricted: boolean
}

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; reason: 'invalid-cron'; message: string }

interface FieldSpec {
  name: string
  min: number
  max: number
  names?: readonly string[]
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'weekday', min: 0, max: 6, names: WEEKDAY_NAMES },
  { name: 'year', min: 1970, max: 2099 },
]

/** The platform evaluates timers in China Standard Time, which has no daylight saving. */
const UTC_PLUS_8_MS = 8 * 3600_000
/** Enough jumps to walk day by day through every year the cron grammar allows. */
const MAX_STEPS = 200_000

export function parseCron(source: string): CronParse {
  const parts = source.trim().split(/\s+/)
  if (parts.length !== FIELDS.length) {
    return {
      ok: false,
      reason: 'invalid-cron',
      message: `cron "${source}" has ${parts.length} fields; expected 7 (sec min hour day month weekday year)`,
    }
  }
  const sets: Array<Set<number>> = []
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[index] ?? '', spec)
    if (typeof parsed === 'string') return { ok: false, reason: 'invalid-cron', message: `cron "${source}": ${parsed}` }
    sets.push(parsed)
  }
  const [seconds, minutes, hours, days, months, weekdays, years] = sets
  if (!seconds || !minutes || !hours || !days || !months || !weekdays || !years) throw new Error('parseCron: a set per field')
  return {
    ok: true,
    schedule: {
      source,
      seconds,
      minutes,
      hours,
      days,
      months,
      weekdays,
      years,
      dayRestricted: parts[3] !== '*',
      weekdayRestricted: parts[5] !== '*',
    },
  }
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>()
  for (const item of text.split(',')) {
    const match = /^([^/]+)(?:\/(\d+))?$/.exec(item)
    if (!match) return `bad ${spec.name} item "${item}"`
    const step = match[2] === undefined ? 1 : Number(match[2])
    if (step < 1) return `bad ${spec.name} step in "${item}"`
    let from: number
    let to: number
    if (match[1] === '*') {
      from = spec.min
      to = spec.max
    } else {
      const bounds = (match[1] ?? '').split('-')
      if (bounds.length > 2) return `bad ${spec.name} range "${item}"`
      const low = parseValue(bounds[0] ?? '', spec)
      const high = bounds.length === 2 ? parseValue(bounds[1] ?? '', spec) : match[2] === undefined ? low : spec.max
      if (low === undefined || high === undefined)
        return `bad ${spec.name} value in "${item}" (allowed ${spec.min}-${spec.max}${spec.names ? ' or names' : ''})`
      if (low > high) return `bad ${spec.name} range "${item}" (start after end)`
      from = low
      to = high
    }
    for (let value = from; value <= to; value += step) values.add(value)
  }
  return values
}

function parseValue(text: string, spec: FieldSpec): number | undefined {
  const nameIndex = spec.names?.indexOf(text.toUpperCase() as never) ?? -1
  if (nameIndex >= 0) return spec.min + nameIndex
  if (!/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value >= spec.min && value <= spec.max ? value : undefined
}

/** The first whole second strictly after `afterMs` at which the schedule fires, or null if it never does again. */
export function nextFireTime(schedule: CronSchedule, afterMs: number): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const local = new Date(t + UTC_PLUS_8_MS)
    const year = local.getUTCFullYear()
    const month = local.getUTCMonth() + 1
    const day = local.getUTCDate()
    const hour = local.getUTCHours()
    const minute = local.getUTCMinutes()
    if (year > 2099) return null
    if (!schedule.years.has(year)) t = atLocal(year + 1, 1, 1)
    else if (!schedule.months.has(month)) t = atLocal(year, month + 1, 1)
    else if (!dayMatches(schedule, day, local.getUTCDay())) t = atLocal(year, month, day + 1)
    else if (!schedule.hours.has(hour)) t = atLocal(year, month, day, hour + 1)
    else if (!schedule.minutes.has(minute)) t = atLocal(year, month, day, hour, minute + 1)
    else if (!schedule.seconds.has(local.getUTCSeconds())) t += 1000
    else return t
  }
  return null
}

function dayMatches(schedule: CronSchedule, dayOfMonth: number, dayOfWeek: number): boolean {
  const byDay = schedule.days.has(dayOfMonth)
  const byWeekday = schedule.weekdays.has(dayOfWeek)
  if (schedule.dayRestricted && schedule.weekdayRestricted) return byDay || byWeekday
  return byDay && byWeekday
}

/** Epoch ms of a UTC+8 wall-clock time; Date.UTC carries overflowing fields into the next unit. */
function atLocal(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - UTC_PLUS_8_MS
}

/** The `Time` field of a timer event: SCF's second-precision UTC ISO string ("2019-02-21T11:49:00Z"). */
export function timerEventTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
