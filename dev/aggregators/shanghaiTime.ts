// Both vendors write Beijing time without an offset ("yyyy-MM-dd HH:mm:ss", reference §1.4, §2.3).
// China has no daylight saving, so a fixed +08:00 is exact.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const BEIJING_OFFSET_MINUTES = 8 * 60

export function formatBeijingTime(instant: number): string {
  return dayjs(instant).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm:ss')
}
