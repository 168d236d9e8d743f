// The offline gazetteer (data/gazetteer.json, built by scripts/buildGazetteer.ts): what city a
// scan, a vendor field or an address names, and its GCJ-02 seat point. It reads only what the text
// says at its start or in its 【…】 brackets, and answers null for an unknown or ambiguous name
// (吉林 is a province and a city; 海南 a province and a prefecture) rather than guess.
import data from '../../data/gazetteer.json'

export interface GazetteerCity {
  /** GB/T 2260 code of the prefecture-level division (110100 for 北京市, 429004 for 仙桃市). */
  code: string
  name: string
  shortName: string
  provinceCode: string
  lat: number
  lng: number
}

export interface GazetteerProvince {
  code: string
  name: string
  shortName: string
}

type CityRow = [string, string, string, string, number, number]

export const GAZETTEER_CITIES: readonly GazetteerCity[] = (data.cities as CityRow[]).map(
  ([code, name, shortName, provinceCode, lat, lng]) => ({ code, name, shortName, provinceCode, lat, lng }),
)
export const GAZETTEER_PROVINCES: readonly GazetteerProvince[] = (data.provinces as [string, string, string][]).map(
  ([code, name, shortName]) => ({ code, name, shortName }),
)

const MUNICIPALITY_PROVINCES = new Set(['110000', '120000', '310000', '500000', '810000', '820000'])
const provinceByName = new Map<string, GazetteerProvince>()
for (const province of GAZETTEER_PROVINCES) {
  provinceByName.set(province.name, province)
  provinceByName.set(province.shortName, province)
}

// A short name is usable only when exactly one city has it and it is not another place's province name.
const cityByName = new Map<string, GazetteerCity>()
const ambiguous = new Set<string>()
for (const city of GAZETTEER_CITIES) {
  for (const name of new Set([city.name, city.shortName])) {
    if (cityByName.has(name)) ambiguous.add(name)
    cityByName.set(name, city)
  }
}
for (const province of GAZETTEER_PROVINCES) {
  if (MUNICIPALITY_PROVINCES.has(province.code)) continue
  if (cityByName.has(province.shortName)) ambiguous.add(province.shortName)
}
for (const name of ambiguous) cityByName.delete(name)

const cityNamesLongestFirst = [...cityByName.keys()].sort((a, b) => b.length - a.length)
const provinceNamesLongestFirst = [...provinceByName.keys()].sort((a, b) => b.length - a.length)

/** An exact city name, full (郑州市) or short (郑州); null when unknown or ambiguous. */
export function cityNamed(name: string): GazetteerCity | null {
  return cityByName.get(name.trim()) ?? null
}

export function provinceNamed(name: string): GazetteerProvince | null {
  return provinceByName.get(name.trim()) ?? null
}

export function cityByCode(code: string): GazetteerCity | null {
  return GAZETTEER_CITIES.find((city) => city.code === code) ?? null
}

// After a bare short name, these say the text names a district or a street, not the city:
// 朝阳区 is in 北京, 朝阳 alone is 辽宁朝阳市.
const DISTRICT_AFTER_SHORT = /^[区县镇乡村路街]/

function cityAtStart(text: string): GazetteerCity | null {
  for (const name of cityNamesLongestFirst) {
    if (!text.startsWith(name)) continue
    const city = cityByName.get(name)
    if (!city) continue
    if (name === city.shortName && name !== city.name && DISTRICT_AFTER_SHORT.test(text.slice(name.length))) return null
    return city
  }
  return null
}

/** A city named at the start of free text, after an optional province: 郑州转运中心, 河南省郑州市金水区,
 * 河南郑州, 上海浦东转运中心. A province alone gives null (the parcel is somewhere in it: no point). */
export function cityAtStartOf(text: string): GazetteerCity | null {
  const trimmed = text.trim()
  const direct = cityAtStart(trimmed)
  if (direct) return direct
  for (const name of provinceNamesLongestFirst) {
    if (!trimmed.startsWith(name)) continue
    const province = provinceByName.get(name)
    const city = cityAtStart(trimmed.slice(name.length).replace(/^[\s,，·-]+/, ''))
    return city && province && city.provinceCode === province.code ? city : null
  }
  return null
}

/** What a scan's place field or text names: Kuaidi100 areaName `河南,郑州市` / `广东,深圳市,宝安区`
 * (the part after the province, checked against it), Location `郑州市`, `【郑州市】…` / `【郑州转运中心】…`
 * (the first bracket that names a city), else the start of the text. */
export function cityInScan(place: string | null | undefined, text = ''): GazetteerCity | null {
  if (place && place.trim()) {
    // 郑州市 | 河南,郑州市 | 广东,深圳市,宝安区: a leading province, then the city.
    const parts = place
      .split(/[,，]/)
      .map((part) => part.trim())
      .filter(Boolean)
    const province = parts.length > 1 && parts[0] ? provinceNamed(parts[0]) : null
    const cityPart = province ? parts[1] : parts[0]
    const city = cityPart ? cityAtStartOf(cityPart) : null
    if (city) return !province || province.code === city.provinceCode ? city : null
  }
  for (const match of text.matchAll(/[【[]([^】\]]{2,40})[】\]]/g)) {
    const city = match[1] ? cityAtStartOf(match[1]) : null
    if (city) return city
  }
  return cityAtStartOf(text.replace(/^[【[][^】\]]*[】\]]\s*/, ''))
}

/** The city of a `wx.chooseAddress` address. Province-administered cities (仙桃) come as cityName
 * 省直辖县级行政区划 or the like with the city in countyName. */
export function cityOfAddress(address: { provinceName: string; cityName: string; countyName?: string }): GazetteerCity | null {
  const province = provinceNamed(address.provinceName)
  const candidates = [address.cityName, address.countyName ?? '']
  for (const candidate of candidates) {
    const city = cityNamed(candidate)
    if (city && (!province || province.code === city.provinceCode)) return city
  }
  if (province && MUNICIPALITY_PROVINCES.has(province.code)) {
    return GAZETTEER_CITIES.find((city) => city.provinceCode === province.code) ?? null
  }
  return null
}
