import { mapAfterShipStatus, mapKdniaoStatus, mapKuaidi100Status } from './mapVendorStatus'

// aggregators.md §5 "Kdniao → unified", row by row: code → status[/subStatus].
const KDNIAO: Array<[string, string]> = [
  ['0', 'PENDING'],
  ['10', 'INFO_RECEIVED'],
  ['1', 'PICKED_UP'],
  ['2', 'IN_TRANSIT'],
  ['204', 'IN_TRANSIT/AT_HUB'],
  ['205', 'IN_TRANSIT/ARRIVED_DEST_CITY'],
  ['206', 'IN_TRANSIT/DEPARTED'],
  ['201', 'IN_TRANSIT/ARRIVED_DEST_CITY'],
  ['5', 'IN_TRANSIT/FORWARDED'],
  ['501', 'IN_TRANSIT/FORWARDED'],
  ['6', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
  ['601', 'IN_TRANSIT/CUSTOMS_PENDING'],
  ['602', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
  ['603', 'IN_TRANSIT/CUSTOMS_CLEARED'],
  ['604', 'EXCEPTION/CUSTOMS_HOLD'],
  ['202', 'OUT_FOR_DELIVERY'],
  ['211', 'AWAITING_PICKUP/LOCKER'],
  ['3', 'DELIVERED'],
  ['301', 'DELIVERED/SIGNED_SELF'],
  ['302', 'DELIVERED/SIGNED_AFTER_EXCEPTION'],
  ['304', 'DELIVERED/SIGNED_PROXY'],
  ['311', 'DELIVERED/SIGNED_LOCKER'],
  ['4', 'EXCEPTION'],
  ['401', 'EXCEPTION/NO_INFO'],
  ['402', 'EXCEPTION/TIMEOUT_UNSIGNED'],
  ['403', 'EXCEPTION/TIMEOUT_NO_UPDATE'],
  ['412', 'EXCEPTION/LOCKER_TIMEOUT'],
  ['405', 'DELIVERY_FAILED/DELIVERY_EXCEPTION'],
  ['416', 'DELIVERY_FAILED/UNREACHABLE'],
  ['419', 'DELIVERY_FAILED/REDELIVERY'],
  ['413', 'EXCEPTION/INTERCEPTED'],
  ['414', 'EXCEPTION/DAMAGED'],
  ['417', 'EXCEPTION/DELAYED'],
  ['418', 'EXCEPTION'],
  ['420', 'EXCEPTION/ADDRESS_PROBLEM'],
  ['421', 'EXCEPTION/UNREACHABLE'],
  ['422', 'EXCEPTION/MISSORTED'],
  ['423', 'EXCEPTION/OUT_OF_AREA'],
  ['404', 'RETURNING/REFUSED'],
  ['407', 'RETURNING'],
  ['406', 'RETURNED'],
  ['415', 'CANCELLED'],
]

// aggregators.md §5 "Kuaidi100 → unified".
const KUAIDI100: Array<[string, string]> = [
  ['101', 'INFO_RECEIVED'],
  ['102', 'INFO_RECEIVED'],
  ['1', 'PICKED_UP'],
  ['103', 'PICKED_UP'],
  ['0', 'IN_TRANSIT'],
  ['1002', 'IN_TRANSIT'],
  ['1001', 'IN_TRANSIT/ARRIVED_DEST_CITY'],
  ['1003', 'IN_TRANSIT/FORWARDED'],
  ['7', 'IN_TRANSIT/FORWARDED'],
  ['8', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
  ['10', 'IN_TRANSIT/CUSTOMS_PENDING'],
  ['11', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
  ['12', 'IN_TRANSIT/CUSTOMS_CLEARED'],
  ['13', 'EXCEPTION/CUSTOMS_HOLD'],
  ['5', 'OUT_FOR_DELIVERY'],
  ['501', 'AWAITING_PICKUP/LOCKER'],
  ['3', 'DELIVERED'],
  ['301', 'DELIVERED/SIGNED_SELF'],
  ['302', 'DELIVERED/SIGNED_AFTER_EXCEPTION'],
  ['303', 'DELIVERED/SIGNED_PROXY'],
  ['304', 'DELIVERED/SIGNED_LOCKER'],
  ['2', 'EXCEPTION'],
  ['201', 'EXCEPTION/TIMEOUT_UNSIGNED'],
  ['202', 'EXCEPTION/TIMEOUT_NO_UPDATE'],
  ['205', 'EXCEPTION/LOCKER_TIMEOUT'],
  ['207', 'EXCEPTION/OUT_OF_AREA'],
  ['208', 'EXCEPTION/HELD'],
  ['209', 'EXCEPTION/DAMAGED'],
  ['204', 'DELIVERY_FAILED/DELIVERY_EXCEPTION'],
  ['206', 'DELIVERY_FAILED/UNREACHABLE'],
  ['203', 'EXCEPTION/REFUSED'],
  ['14', 'EXCEPTION/REFUSED'],
  ['6', 'RETURNING'],
  ['4', 'RETURNED'],
  ['401', 'CANCELLED'],
  ['210', 'CANCELLED'],
]

// aggregators.md §5 "AfterShip → unified": [tag, subtag?] → status[/subStatus].
const AFTERSHIP: Array<[string, string | undefined, string]> = [
  ['Pending', 'Pending_001', 'PENDING'],
  ['InfoReceived', 'InfoReceived_001', 'INFO_RECEIVED'],
  ['InTransit', 'InTransit_002', 'PICKED_UP'],
  ['InTransit', 'InTransit_001', 'IN_TRANSIT'],
  ['InTransit', 'InTransit_003', 'IN_TRANSIT/AT_HUB'],
  ['InTransit', 'InTransit_004', 'IN_TRANSIT/ARRIVED_DEST_CITY'],
  ['InTransit', 'InTransit_005', 'IN_TRANSIT/CUSTOMS_CLEARED'],
  ['InTransit', 'InTransit_006', 'IN_TRANSIT/CUSTOMS_IN_PROGRESS'],
  ['InTransit', 'InTransit_007', 'IN_TRANSIT/DEPARTED'],
  ['InTransit', 'InTransit_009', 'IN_TRANSIT/FORWARDED'],
  ['OutForDelivery', 'OutForDelivery_001', 'OUT_FOR_DELIVERY'],
  ['AvailableForPickup', 'AvailableForPickup_001', 'AWAITING_PICKUP'],
  ['AttemptFail', 'AttemptFail_001', 'DELIVERY_FAILED'],
  ['AttemptFail', 'AttemptFail_002', 'DELIVERY_FAILED/UNREACHABLE'],
  ['Delivered', 'Delivered_001', 'DELIVERED'],
  ['Delivered', 'Delivered_002', 'DELIVERED/SIGNED_SELF'],
  ['Delivered', 'Delivered_003', 'DELIVERED/SIGNED_SELF'],
  ['Delivered', 'Delivered_005', 'DELIVERED/SIGNED_PROXY'],
  ['Exception', 'Exception_010', 'RETURNING'],
  ['Exception', 'Exception_011', 'RETURNED'],
  ['Exception', 'Exception_003', 'EXCEPTION/REFUSED'],
  ['Exception', 'Exception_004', 'EXCEPTION/CUSTOMS_HOLD'],
  ['Exception', 'Exception_005', 'EXCEPTION/DELAYED'],
  ['Exception', 'Exception_016', 'EXCEPTION/DELAYED'],
  ['Exception', 'Exception_017', 'EXCEPTION/DELAYED'],
  ['Exception', 'Exception_007', 'EXCEPTION/ADDRESS_PROBLEM'],
  ['Exception', 'Exception_008', 'EXCEPTION/LOCKER_TIMEOUT'],
  ['Exception', 'Exception_012', 'EXCEPTION/DAMAGED'],
  ['Exception', 'Exception_013', 'EXCEPTION/LOST'],
  ['Exception', 'Exception_001', 'EXCEPTION'],
  ['Expired', 'Expired_001', 'EXPIRED'],
  ['Delivered', undefined, 'DELIVERED'],
]

const shown = ({ status, subStatus }: { status: string; subStatus?: string }) => (subStatus ? `${status}/${subStatus}` : status)

describe('mapKdniaoStatus', () => {
  it.each(KDNIAO)('%s → %s', (code, expected) => {
    const mapped = mapKdniaoStatus(code)
    expect(shown(mapped)).toBe(expected)
    expect(mapped).toMatchObject({ rawCode: code, known: true })
  })

  it.each([
    // Unknown codes keep the raw value and fall back to their family, never to a terminal status.
    ['207', 'IN_TRANSIT'],
    ['499', 'EXCEPTION'],
    ['309', 'IN_TRANSIT'],
    ['999', 'IN_TRANSIT'],
    ['X1', 'IN_TRANSIT'],
    ['', 'IN_TRANSIT'],
  ])('unknown %j → %s, raw code kept', (code, expected) => {
    expect(mapKdniaoStatus(code)).toEqual({ status: expected, rawCode: code, known: false })
  })

  it('accepts the numeric State of old samples and trims', () => {
    expect(mapKdniaoStatus(3)).toEqual({ status: 'DELIVERED', rawCode: '3', known: true })
    expect(mapKdniaoStatus(' 201 ')).toMatchObject({ subStatus: 'ARRIVED_DEST_CITY', rawCode: '201' })
  })
})

describe('mapKuaidi100Status', () => {
  it.each(KUAIDI100)('%s → %s', (code, expected) => {
    expect(shown(mapKuaidi100Status(code))).toBe(expected)
  })

  it.each([
    ['1004', 'IN_TRANSIT'],
    ['211', 'EXCEPTION'],
    ['305', 'IN_TRANSIT'],
    ['502', 'OUT_FOR_DELIVERY'],
    ['402', 'IN_TRANSIT'],
    ['99', 'IN_TRANSIT'],
  ])('unknown %s → %s', (code, expected) => {
    expect(mapKuaidi100Status(code)).toEqual({ status: expected, rawCode: code, known: false })
  })
})

describe('mapAfterShipStatus', () => {
  it.each(AFTERSHIP)('%s %s → %s', (tag, subtag, expected) => {
    expect(shown(mapAfterShipStatus(tag, subtag))).toBe(expected)
  })

  it('treats tags and subtags as open enums', () => {
    expect(mapAfterShipStatus('InTransit', 'InTransit_099')).toEqual({ status: 'IN_TRANSIT', rawCode: 'InTransit_099', known: true })
    expect(mapAfterShipStatus('Teleported', 'Teleported_001')).toEqual({ status: 'IN_TRANSIT', rawCode: 'Teleported_001', known: false })
  })
})
