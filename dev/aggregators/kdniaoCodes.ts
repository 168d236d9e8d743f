// Stage → Kdniao State (普通物流状态) and StateEx/Action (增值物流状态), from the code lists in
// reference/aggregators.md §1.8. Kdniao has no State for returns: they are 问题件 (4); 406 退货签收
// is kept at State 4 too (UNVERIFIED) so a client reading only State never shows a return as 签收.
import type { Stage } from './stages'

export interface KdniaoCodes {
  state: string
  action: string
}

export const KDNIAO_CODES: Readonly<Record<Stage, KdniaoCodes>> = {
  'picked-up': { state: '1', action: '1' },
  departed: { state: '2', action: '206' },
  'at-hub': { state: '2', action: '204' },
  'in-transit': { state: '2', action: '2' },
  'arrived-dest-city': { state: '2', action: '201' },
  'at-dest-station': { state: '2', action: '205' },
  'out-for-delivery': { state: '2', action: '202' },
  locker: { state: '2', action: '211' },
  delivered: { state: '3', action: '301' },
  'delivered-locker': { state: '3', action: '311' },
  'delivered-proxy': { state: '3', action: '304' },
  'delivered-after-exception': { state: '3', action: '302' },
  failed: { state: '4', action: '405' },
  redelivery: { state: '4', action: '419' },
  refused: { state: '4', action: '404' },
  returning: { state: '4', action: '407' },
  returned: { state: '4', action: '406' },
  'customs-pending': { state: '6', action: '601' },
  'customs-in-progress': { state: '6', action: '602' },
  'customs-cleared': { state: '6', action: '603' },
  'customs-hold': { state: '6', action: '604' },
}
