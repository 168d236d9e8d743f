// Status of a trace line that carries no vendor code (Kdniao 101 pushes, Kuaidi100 without
// resultv2). First matching rule wins, so refusals and failures are tested before the words they
// contain (拒签 contains 签, 派送失败 contains 派送). Display-grade only: the parcel status also
// weighs the vendor's waybill-level state (deriveStatus.ts).
import type { UnifiedStatus } from '../statuses'
import type { SubStatus } from '../subStatuses'

export interface TextStatusRule {
  pattern: RegExp
  status: UnifiedStatus
  subStatus?: SubStatus
}

export const TEXT_STATUS_RULES: readonly TextStatusRule[] = [
  { pattern: /拒收|拒签/, status: 'EXCEPTION', subStatus: 'REFUSED' },
  { pattern: /退回|退件|退货|返回寄件/, status: 'RETURNING' },
  {
    pattern: /派送失败|派件失败|投递失败|派送不成功|签收失败|未妥投|派件异常|派送异常/,
    status: 'DELIVERY_FAILED',
    subStatus: 'DELIVERY_EXCEPTION',
  },
  { pattern: /无法联系|联系不上|电话无人接听/, status: 'DELIVERY_FAILED', subStatus: 'UNREACHABLE' },
  { pattern: /问题件|异常|滞留|破损/, status: 'EXCEPTION' },
  { pattern: /已签收|签收人|本人\s?签收|已由.{0,12}签收|妥投/, status: 'DELIVERED' },
  // Before 代收: "驿站代收，请凭取件码取件" means the parcel waits at the station.
  { pattern: /取件码|待取件|请及时取件|请凭.{0,6}取|已(放入|存放|投柜|暂存)/, status: 'AWAITING_PICKUP', subStatus: 'LOCKER' },
  { pattern: /代签收|代收/, status: 'DELIVERED', subStatus: 'SIGNED_PROXY' },
  { pattern: /派件中|派送中|投递中|正在派|开始派|安排派|为您派|派件人|派件员|派送员|投递员/, status: 'OUT_FOR_DELIVERY' },
  { pattern: /待揽|等待揽|已下单|下单成功/, status: 'INFO_RECEIVED' },
  { pattern: /揽收|揽件|已收件|收件员|收取/, status: 'PICKED_UP' },
  { pattern: /到达派件城市|到达目的地城市/, status: 'IN_TRANSIT', subStatus: 'ARRIVED_DEST_CITY' },
  { pattern: /已发出|已离开|发往/, status: 'IN_TRANSIT', subStatus: 'DEPARTED' },
  { pattern: /转运中心|分拨|集散中心/, status: 'IN_TRANSIT', subStatus: 'AT_HUB' },
  { pattern: /清关/, status: 'IN_TRANSIT', subStatus: 'CUSTOMS_IN_PROGRESS' },
]
