// The page's copy of an order's parcels, fed by two sources that can cross: the one-shot read on
// show and the watch. Each parcel doc carries a `version` bumped on every write, so whichever source
// is older never wins, whatever order they arrive in.
import type { ParcelDoc } from '@core/api'

export type ParcelSet = ReadonlyMap<string, ParcelDoc>

function newer(current: ParcelDoc | undefined, incoming: ParcelDoc): ParcelDoc {
  if (!current) return incoming
  return incoming.version >= current.version ? incoming : current
}

/** A read adds and refreshes parcels; it never removes one (a parcel is never deleted from an order). */
export function mergeRead(set: ParcelSet, docs: readonly ParcelDoc[]): ParcelSet {
  const next = new Map(set)
  for (const doc of docs) next.set(doc._id, newer(next.get(doc._id), doc))
  return next
}

/** A watch snapshot is the whole query result: its membership is the truth, versions still decide content. */
export function mergeSnapshot(set: ParcelSet, docs: readonly ParcelDoc[]): ParcelSet {
  return new Map(docs.map((doc) => [doc._id, newer(set.get(doc._id), doc)]))
}

export function parcelList(set: ParcelSet): ParcelDoc[] {
  return [...set.values()].sort((a, b) => a.seq - b.seq || (a._id < b._id ? -1 : 1))
}
