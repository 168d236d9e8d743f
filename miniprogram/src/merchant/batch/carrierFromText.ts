// What a merchant writes in the carrier column of a pasted sheet: our code (SF), the registry's
// Chinese or English name (顺丰速运, SF Express), or the everyday short name (顺丰, 中通) that
// spreadsheets exported from shipping tools usually carry. Anything else is refused rather than
// guessed, because a wrong carrier files every scan under the wrong parcel.
import { CARRIERS, type CarrierCode } from '@core/carriers/carrierRegistry'

// Only suffixes that never distinguish two carriers: 快运 (freight) does, so it is not stripped and
// 中通 stays 中通快递 while 中通快运 must be written out.
const GENERIC_SUFFIX = /(快递|速运|速递|物流)$/

const key = (text: string) => text.replace(/[\s\u3000]/g, '').toUpperCase()

function buildIndex(): Map<string, CarrierCode> {
  const index = new Map<string, CarrierCode>()
  const ambiguous = new Set<string>()
  const add = (name: string, code: CarrierCode) => {
    const k = key(name)
    if (k === '' || ambiguous.has(k)) return
    const existing = index.get(k)
    if (existing && existing !== code) {
      index.delete(k)
      ambiguous.add(k)
      return
    }
    index.set(k, code)
  }
  for (const carrier of CARRIERS) {
    add(carrier.code, carrier.code)
    add(carrier.names.en, carrier.code)
    add(carrier.names['zh-CN'], carrier.code)
    add(carrier.names['zh-CN'].replace(GENERIC_SUFFIX, ''), carrier.code)
  }
  return index
}

const INDEX = buildIndex()

/** The carrier a merchant named, or null when the text names none (or more than one). */
export function carrierFromText(text: string): CarrierCode | null {
  const k = key(text)
  return INDEX.get(k) ?? INDEX.get(k.replace(GENERIC_SUFFIX, '')) ?? null
}
