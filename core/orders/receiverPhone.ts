// The receiver phone is stored masked the way carriers print it (138****1234). The last four digits
// stay clear on purpose: SF and 丰网 queries need them as the phone tail (aggregators.md §2.3, §7), and
// WeChat's shipping upload wants exactly this form (reference/wechat.md §5.1 `receiver_contact`).
export interface MaskedPhone {
  telMasked: string
  tail: string | null
}

export function maskReceiverPhone(telNumber: string): MaskedPhone {
  let digits = telNumber.replace(/\D/g, '')
  // +86 / 0086 country prefix in front of an 11-digit mobile.
  if (/^(0086|86)1[3-9]\d{9}$/.test(digits)) digits = digits.slice(digits.length - 11)
  if (digits.length < 5) return { telMasked: '*'.repeat(digits.length), tail: null }
  const tail = digits.slice(-4)
  const head = digits.length >= 8 ? digits.slice(0, 3) : ''
  return { telMasked: `${head}${'*'.repeat(digits.length - head.length - 4)}${tail}`, tail }
}

/** The clear last four digits of a masked phone, or null when they are not all digits. */
export function phoneTailFromMasked(telMasked: string): string | null {
  const tail = telMasked.slice(-4)
  return /^\d{4}$/.test(tail) ? tail : null
}
