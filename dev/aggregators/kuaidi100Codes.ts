// Stage → Kuaidi100 base `state`, advanced `statusCode` and status name (reference/aggregators.md
// §2.7). Plain 派件 has no advanced sub-code, so its statusCode repeats the base code, as the
// vendor does for 6 退回 and 4 退签.
import type { Stage } from './stages'

export interface Kuaidi100Codes {
  state: string
  statusCode: string
  status: string
}

export const KUAIDI100_CODES: Readonly<Record<Stage, Kuaidi100Codes>> = {
  'picked-up': { state: '1', statusCode: '103', status: '揽收' },
  departed: { state: '0', statusCode: '1002', status: '在途' },
  'at-hub': { state: '0', statusCode: '1002', status: '在途' },
  'in-transit': { state: '0', statusCode: '1002', status: '在途' },
  'arrived-dest-city': { state: '0', statusCode: '1001', status: '在途' },
  'at-dest-station': { state: '0', statusCode: '1001', status: '在途' },
  'out-for-delivery': { state: '5', statusCode: '5', status: '派件' },
  locker: { state: '5', statusCode: '501', status: '派件' },
  delivered: { state: '3', statusCode: '301', status: '签收' },
  'delivered-locker': { state: '3', statusCode: '304', status: '签收' },
  'delivered-proxy': { state: '3', statusCode: '303', status: '签收' },
  'delivered-after-exception': { state: '3', statusCode: '302', status: '签收' },
  failed: { state: '2', statusCode: '204', status: '疑难' },
  redelivery: { state: '5', statusCode: '5', status: '派件' },
  refused: { state: '2', statusCode: '203', status: '疑难' },
  returning: { state: '6', statusCode: '6', status: '退回' },
  returned: { state: '4', statusCode: '4', status: '退签' },
  'customs-pending': { state: '8', statusCode: '10', status: '清关' },
  'customs-in-progress': { state: '8', statusCode: '11', status: '清关' },
  'customs-cleared': { state: '8', statusCode: '12', status: '清关' },
  'customs-hold': { state: '8', statusCode: '13', status: '清关' },
}

/** `ischeck` is 1 once the parcel is signed for (by the recipient or, for a return, the sender). */
export const KUAIDI100_SIGNED_STATES: ReadonlySet<string> = new Set(['3', '4'])
