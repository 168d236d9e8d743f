// Money is stored in fen (integers, 1 yuan = 100 fen) everywhere; this is the one place it becomes
// text. Integer arithmetic only: 1290 / 100 in floating point is fine, but sums of prices are not.
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`formatYuan expects integer fen, got ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`
}

/** The parts a price tag styles separately: `¥`, `12`, `.90`. */
export function yuanParts(fen: number): { symbol: string; integer: string; decimals: string } {
  const text = formatYuan(fen)
  const [, symbol, integer, decimals] = /^(-?¥)([\d,]+)(\.\d{2})$/.exec(text) ?? []
  if (symbol === undefined || integer === undefined || decimals === undefined) throw new Error(`unexpected money text ${text}`)
  return { symbol, integer, decimals }
}
