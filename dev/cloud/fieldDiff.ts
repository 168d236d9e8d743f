// The `UpdatedFields` / `removedFields` of a realtime update event, computed by comparing the
// document before and after a write. Nested objects are compared field by field so a
// `{'addr.city': 'GZ'}` update reports `addr.city`, the path the SDK writes with lodash.set on the
// client side (reference/cloud-emulation.md §5.2); arrays are compared and reported whole.
import { isPlainObject, type Doc } from './ejson'

export interface FieldDiff {
  updatedFields: Record<string, unknown>
  removedFields: string[]
}

export function diffFields(before: Doc, after: Doc): FieldDiff {
  const diff: FieldDiff = { updatedFields: {}, removedFields: [] }
  walk(before, after, '', diff)
  return diff
}

export function isEmptyDiff(diff: FieldDiff): boolean {
  return diff.removedFields.length === 0 && Object.keys(diff.updatedFields).length === 0
}

function walk(before: Doc, after: Doc, prefix: string, diff: FieldDiff): void {
  for (const key of Object.keys(before)) {
    if (prefix === '' && key === '_id') continue
    if (!(key in after)) diff.removedFields.push(prefix + key)
  }
  for (const key of Object.keys(after)) {
    if (prefix === '' && key === '_id') continue
    const path = prefix + key
    const old = before[key]
    const now = after[key]
    if (!(key in before)) {
      diff.updatedFields[path] = now
    } else if (isPlainObject(old) && isPlainObject(now)) {
      walk(old, now, `${path}.`, diff)
    } else if (!sameValue(old, now)) {
      diff.updatedFields[path] = now
    }
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]))
  }
  return false
}
