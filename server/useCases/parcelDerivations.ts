// What the merge path derives from a parcel's merged tracking and writes with it (DESIGN §3.8–3.9):
// one list, folded once per merge, before the "did anything change" check and the single guarded
// parcel write, so a derived field (route, our ETA, a notification marker) costs no extra database
// action and a change in it alone still counts as a change. Each derivation must be pure,
// deterministic and idempotent: pushes are re-applied, and derive(derive(x)) must equal derive(x).
import type { ParcelDoc } from '../../core/api'
import { withRouteAndEta } from '../eta/routeEtaDerivation'
import { withNotifyEvents } from '../notify/notifyDerivation'

export interface DerivationContext {
  /** The parcel as read, before this merge. */
  before: ParcelDoc
  now: number
  source: 'push' | 'poll' | 'refresh'
}

export type ParcelDerivation = (next: ParcelDoc, context: DerivationContext) => ParcelDoc

/** Add a derivation here (one line and its import); order matters only if one reads another's output. */
export const PARCEL_DERIVATIONS: readonly ParcelDerivation[] = [withNotifyEvents, withRouteAndEta]

export function deriveParcelView(
  next: ParcelDoc,
  context: DerivationContext,
  derivations: readonly ParcelDerivation[] = PARCEL_DERIVATIONS,
): ParcelDoc {
  return derivations.reduce((parcel, derive) => derive(parcel, context), next)
}
