// The query conditions a function's indexed reads use — equality (null matches missing), $gt/$gte/
// $lt/$lte/$in/$ne on scalars, $and/$or — compiled to a plain predicate. mingo resolves every path
// and operator through generic machinery (~1 µs a document and condition), which made a 100,000-
// document scan cost the local cloud hundreds of milliseconds where an indexed database costs a few.
// Any other condition (regex, arrays on the path, $elemMatch, …) is left to mingo; simpleMatch.test.ts
// checks both give the same documents.
import { find } from 'mingo'
import { isPlainObject, type Doc } from './ejson'

type Predicate = (doc: Doc) => boolean
class NotSimple extends Error {}

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/** undefined when missing; a path that meets an array is not simple (Mongo matches inside arrays). */
function compilePath(field: string): (doc: Doc) => unknown {
  const keys = field.split('.')
  return (doc) => {
    let value: unknown = doc
    for (const key of keys) {
      if (Array.isArray(value)) throw new NotSimple()
      if (!isPlainObject(value)) return undefined
      value = (value as Doc)[key]
    }
    if (Array.isArray(value) || (value !== null && typeof value === 'object')) throw new NotSimple()
    return value
  }
}

/** Mongo compares within a type only: 5 < 'a' is false, not an error. */
const sameType = (a: unknown, b: unknown) => typeof a === typeof b && a !== null && b !== null
const equals = (value: unknown, wanted: unknown) => (wanted === null ? value === null || value === undefined : value === wanted)

function compileOperator(read: (doc: Doc) => unknown, operator: string, operand: unknown): Predicate {
  if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar))
    return (doc) => {
      const value = read(doc)
      return operand.some((wanted) => equals(value, wanted))
    }
  if (!isScalar(operand)) throw new NotSimple()
  switch (operator) {
    case '$eq':
      return (doc) => equals(read(doc), operand)
    case '$ne':
      return (doc) => !equals(read(doc), operand)
    case '$gt':
      return (doc) => {
        const value = read(doc)
        return sameType(value, operand) && (value as number) > (operand as number)
      }
    case '$gte':
      return (doc) => {
        const value = read(doc)
        return sameType(value, operand) && (value as number) >= (operand as number)
      }
    case '$lt':
      return (doc) => {
        const value = read(doc)
        return sameType(value, operand) && (value as number) < (operand as number)
      }
    case '$lte':
      return (doc) => {
        const value = read(doc)
        return sameType(value, operand) && (value as number) <= (operand as number)
      }
    default:
      throw new NotSimple()
  }
}

function compileCondition(condition: Doc): Predicate {
  const predicates: Predicate[] = []
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainObject)) throw new NotSimple()
      // An $and checks its plain parts before its nested $or/$and: same answer, fewer evaluations.
      const nested = (part: Doc) => Object.keys(part).some((name) => name === '$or' || name === '$and')
      const ordered = key === '$and' ? [...(value as Doc[])].sort((a, b) => Number(nested(a)) - Number(nested(b))) : (value as Doc[])
      const parts = ordered.map(compileCondition)
      predicates.push(key === '$and' ? (doc) => parts.every((part) => part(doc)) : (doc) => parts.some((part) => part(doc)))
    } else if (key.startsWith('$')) {
      throw new NotSimple()
    } else if (isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((name) => name.startsWith('$'))) {
      const read = compilePath(key)
      for (const [operator, operand] of Object.entries(value)) predicates.push(compileOperator(read, operator, operand))
    } else if (isScalar(value)) {
      const read = compilePath(key)
      predicates.push((doc) => equals(read(doc), value))
    } else {
      throw new NotSimple()
    }
  }
  return (doc) => predicates.every((predicate) => predicate(doc))
}

/** The documents matching `condition`, in their order, as mingo's find would select them. */
export function matching(docs: Doc[], condition: Doc): Doc[] {
  try {
    const predicate = compileCondition(condition)
    return docs.filter(predicate)
  } catch (error) {
    if (!(error instanceof NotSimple)) throw error
    return find(docs, condition).all() as Doc[]
  }
}

/** `docs` in `order` when every sort field holds a number, null or nothing (null and missing first
 * ascending, as Mongo sorts them; ties keep their order); undefined otherwise, for mingo to sort. */
export function sortedByNumbers(docs: Doc[], order: Record<string, 1 | -1>): Doc[] | undefined {
  const keys = Object.entries(order).map(([field, direction]) => ({ read: compilePath(field), direction }))
  try {
    const rows = docs.map((doc) => {
      const values = keys.map(({ read }) => read(doc))
      if (!values.every((value) => value === undefined || value === null || typeof value === 'number')) throw new NotSimple()
      return { doc, values: values as Array<number | null | undefined> }
    })
    rows.sort((a, b) => {
      for (let index = 0; index < keys.length; index += 1) {
        const left = a.values[index] ?? null
        const right = b.values[index] ?? null
        if (left === right) continue
        const ascending = left === null ? -1 : right === null ? 1 : left - right
        return ascending * (keys[index]?.direction ?? 1)
      }
      return 0
    })
    return rows.map((row) => row.doc)
  } catch (error) {
    if (error instanceof NotSimple) return undefined
    throw error
  }
}
