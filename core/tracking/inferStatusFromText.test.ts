import { inferStatusFromText } from './inferStatusFromText'

describe('inferStatusFromText (trace lines without a vendor code)', () => {
  it.each([
    ['【深圳市】广东深圳公司 已揽收', 'PICKED_UP'],
    ['您的快件已被收件员收取', 'PICKED_UP'],
    ['商家已下单，等待揽收', 'INFO_RECEIVED'],
    ['【深圳市】已离开 广东深圳公司;发往 上海分拨中心', 'IN_TRANSIT/DEPARTED'],
    ['【上海市】已到达 上海转运中心', 'IN_TRANSIT/AT_HUB'],
    ['快件已到达派件城市【上海市】', 'IN_TRANSIT/ARRIVED_DEST_CITY'],
    ['【上海市】派件人:张师傅,电话:138****1234 正在派件', 'OUT_FOR_DELIVERY'],
    ['快递员李四正在为您派送', 'OUT_FOR_DELIVERY'],
    ['快件已存放至【菜鸟驿站】，请凭取件码 3-2-1001 及时取件', 'AWAITING_PICKUP/LOCKER'],
    ['您的快件已由【丰巢智能柜】代收，请及时取件', 'AWAITING_PICKUP/LOCKER'],
    ['已由前台代收', 'DELIVERED/SIGNED_PROXY'],
    ['已签收，签收人：本人', 'DELIVERED'],
    ['您的快件已签收，如有疑问请联系派件员', 'DELIVERED'],
    ['收件人拒签，快件将退回', 'EXCEPTION/REFUSED'],
    ['快件正在退回寄件人', 'RETURNING'],
    ['派送不成功，收件人电话无人接听', 'DELIVERY_FAILED/DELIVERY_EXCEPTION'],
    ['收件人联系不上，改日派送', 'DELIVERY_FAILED/UNREACHABLE'],
    ['快件滞留在网点', 'EXCEPTION'],
    ['包裹正在清关', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
    ['运输中', 'IN_TRANSIT'],
    ['', 'IN_TRANSIT'],
  ])('%j → %s', (text, expected) => {
    const { status, subStatus } = inferStatusFromText(text)
    expect(subStatus ? `${status}/${subStatus}` : status).toBe(expected)
  })
})
