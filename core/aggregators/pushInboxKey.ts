// DESIGN §4: a push is recorded in `pushInbox` under sha256(vendor + raw body) before it is acked,
// so a byte-identical retry is recognised without parsing it again. Kdniao and Kuaidi100 send no
// delivery id of their own (aggregators.md §10 "Idempotency keys").
import type { Digests } from '../crypto/digests'
import type { Vendor } from '../tracking/trackingEvent'

export function pushInboxKey(vendor: Vendor, rawBody: string, digests: Digests): string {
  return digests.sha256Hex(vendor + rawBody)
}
