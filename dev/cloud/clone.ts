// A deep copy of stored values (plain objects, arrays, Dates, RegExps, primitives). Not
// structuredClone: under jest that global comes from another realm, and its Dates and objects then
// fail `instanceof Date` / prototype checks (mingo's included) inside the test's realm.
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T
  if (Array.isArray(value)) return value.map((item) => deepClone(item)) as T
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) copy[key] = deepClone(item)
  return copy as T
}
