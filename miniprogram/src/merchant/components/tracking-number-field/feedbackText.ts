// What the number field says under the input, as one line with a tone: the detected or picked
// carrier, or the one thing to fix next. Pure, so it is tested as a table.
import { carrierInfo, type CarrierCode } from '@core/carriers/carrierRegistry'
import type { NumberFeedback } from '../../backfill/numberFeedback'
import { m } from '../../strings'

export interface FeedbackLine {
  tone: 'success' | 'warning' | 'danger' | 'muted'
  text: string
}

const name = (code: CarrierCode) => carrierInfo(code).names['zh-CN']

export function feedbackLines(feedback: NumberFeedback): FeedbackLine[] {
  const b = m.backfill
  switch (feedback.problem) {
    case 'empty':
      return []
    case 'too_short':
      return [{ tone: 'muted', text: b.tooShort }]
    case 'too_long':
      return [{ tone: 'danger', text: b.tooLong }]
    case 'bad_characters':
      return [{ tone: 'danger', text: b.badCharacters }]
    case 'invalid_check_digit':
      return [{ tone: 'danger', text: b.checkDigit }]
    case null:
      break
  }
  const lines: FeedbackLine[] = []
  if (feedback.carrier) {
    const low = feedback.warnings.some((warning) => warning.kind === 'low_confidence')
    const text =
      feedback.source === 'picked'
        ? b.picked(name(feedback.carrier))
        : low
          ? b.detectedLow(name(feedback.carrier))
          : b.detected(name(feedback.carrier))
    lines.push({ tone: low ? 'warning' : 'success', text })
  } else {
    lines.push({ tone: 'warning', text: feedback.detection === 'ambiguous' ? b.ambiguous : b.unrecognised })
  }
  for (const warning of feedback.warnings) {
    if (warning.kind === 'pattern_mismatch' && feedback.carrier) {
      lines.push({
        tone: 'warning',
        text:
          warning.detected.length > 0
            ? b.mismatch(name(feedback.carrier), warning.detected.map(name).join(' / '))
            : b.mismatchUnknown(name(feedback.carrier)),
      })
    }
    if (warning.kind === 'check_digit') lines.push({ tone: 'warning', text: b.checkDigit })
  }
  return lines
}
