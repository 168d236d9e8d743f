// Names with and without their administrative suffix: scans say 郑州, 郑州市 or 郑州转运中心,
// addresses say 恩施土家族苗族自治州, Kuaidi100 areaName says 湖北,恩施土家族苗族自治州.

const ETHNIC_GROUPS = [
  '土家族',
  '苗族',
  '藏族',
  '羌族',
  '彝族',
  '回族',
  '蒙古族',
  '蒙古',
  '哈萨克',
  '柯尔克孜',
  '傣族',
  '景颇族',
  '傈僳族',
  '白族',
  '哈尼族',
  '壮族',
  '布依族',
  '侗族',
  '朝鲜族',
  '黎族',
  '纳西族',
  '维吾尔',
]

/** 郑州市 → 郑州, 大兴安岭地区 → 大兴安岭, 锡林郭勒盟 → 锡林郭勒, 黔东南苗族侗族自治州 → 黔东南,
 * 神农架林区 → 神农架. Two-character names keep their suffix-free form only when it stays two
 * characters or more. */
export function shortCityName(name: string): string {
  let short = name.trim()
  const autonomous = short.match(/^(.+?)自治州$/)
  if (autonomous?.[1]) {
    short = autonomous[1]
    let stripped = true
    while (stripped) {
      stripped = false
      for (const group of ETHNIC_GROUPS) {
        if (short.endsWith(group) && short.length > group.length + 1) {
          short = short.slice(0, -group.length)
          stripped = true
        }
      }
    }
    return short
  }
  for (const suffix of ['地区', '林区', '盟', '市']) {
    if (short.endsWith(suffix) && short.length - suffix.length >= 2) return short.slice(0, -suffix.length)
  }
  return short
}

/** 河南省 → 河南, 广西壮族自治区 → 广西, 香港特别行政区 → 香港, 北京市 → 北京. */
export function shortProvinceName(name: string): string {
  const trimmed = name.trim()
  const special = trimmed.match(/^(内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/)
  if (special?.[1]) return special[1]
  return trimmed.replace(/(省|市)$/, '')
}
