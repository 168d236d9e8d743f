// How long, in the words a merchant scans a list by: minutes under an hour, hours up to two days
// (the 48 h "stuck" line sits inside that range and stays exact), days beyond.
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function durationText(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.floor(ms / MINUTE))}分钟`
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)}小时`
  return `${Math.floor(ms / DAY)}天`
}

/** Delivery figures arrive in hours with one decimal; past two days they read better in days. */
export function hoursText(hours: number): string {
  if (hours < 48) return `${Math.round(hours * 10) / 10}小时`
  return `${Math.round((hours / 24) * 10) / 10}天`
}
