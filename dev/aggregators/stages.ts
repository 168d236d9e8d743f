// Vendor-independent stages a scenario is written in. Each vendor's renderer maps them through its
// own table (kdniaoCodes.ts, kuaidi100Codes.ts), so one story plays identically on both wires.

export const STAGES = [
  'picked-up',
  'departed',
  'at-hub',
  'in-transit',
  'arrived-dest-city',
  'at-dest-station',
  'out-for-delivery',
  'locker',
  'delivered',
  'delivered-locker',
  'delivered-proxy',
  'delivered-after-exception',
  'failed',
  'redelivery',
  'refused',
  'returning',
  'returned',
  'customs-pending',
  'customs-in-progress',
  'customs-cleared',
  'customs-hold',
] as const

export type Stage = (typeof STAGES)[number]

/** Stages after which the carrier stops tracking (Kuaidi100 sends `shutdown`, Kdniao stops pushing). */
export const FINAL_STAGES: ReadonlySet<Stage> = new Set<Stage>([
  'delivered',
  'delivered-locker',
  'delivered-proxy',
  'delivered-after-exception',
  'returned',
])
