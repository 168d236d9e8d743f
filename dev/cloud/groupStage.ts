// A direct implementation of the aggregation pipelines that only filter, group and count — `$match`
// (simpleMatch.ts), `$group` keyed by field paths with `$sum` / `$push` of paths, `$limit`.
// mingo evaluates every accumulator through its generic expression machinery, ~25 µs a document:
// 100,000 parcels took seconds where the database takes milliseconds, which made the local cloud,
// not the function, the cost of the merchant console's statistics. Anything else (or a path that
// crosses an array) returns undefined and runs on mingo; groupStage.test.ts checks both agree.
import { isPlainObject, type Doc } from './ejson'
import { matching } from './simpleMatch'

class NotSimple extends Error {}

function fieldPath(expression: unknown): string[] | undefined {
  return typeof expression === 'string' && expression.startsWith('$') && !expression.startsWith('$$')
    ? expression.slice(1).split('.')
    : undefined
}

/** A path's value; undefined when missing, as mingo leaves it (encoded, an array's undefined is null). */
function valueAt(doc: Doc, path: readonly string[]): unknown {
  let value: unknown = doc
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    if (Array.isArray(value)) throw new NotSimple()
    value = (value as Doc)[key]
  }
  if (Array.isArray(value) || (isPlainObject(value) && Object.keys(value as Doc).some((key) => key.startsWith('$')))) throw new NotSimple()
  return value
}

type Evaluate = (doc: Doc) => unknown

/** One- and two-step paths (every path the functions group by) read without the loop. */
function compilePathRead(path: readonly string[]): Evaluate {
  const [first, second] = path
  if (path.length === 1 && first !== undefined) return (doc) => checked(doc[first])
  if (path.length === 2 && first !== undefined && second !== undefined) {
    return (doc) => {
      const parent = doc[first]
      if (parent === null || typeof parent !== 'object') return undefined
      if (Array.isArray(parent)) throw new NotSimple()
      return checked((parent as Doc)[second])
    }
  }
  return (doc) => valueAt(doc, path)
}

function checked(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && (Array.isArray(value) || Object.keys(value).some((key) => key.startsWith('$'))))
    throw new NotSimple()
  return value
}

function compileValue(expression: unknown): Evaluate {
  const path = fieldPath(expression)
  if (path) return compilePathRead(path)
  if (typeof expression === 'number' || typeof expression === 'boolean' || expression === null) return () => expression
  if (Array.isArray(expression)) {
    const parts = expression.map(compileValue)
    return (doc) => parts.map((part) => part(doc))
  }
  throw new NotSimple()
}

function compileKey(expression: unknown): Evaluate {
  if (!isPlainObject(expression)) return compileValue(expression)
  const fields = Object.entries(expression as Doc).map(([name, value]): [string, Evaluate] => {
    if (name.startsWith('$')) throw new NotSimple()
    return [name, compileValue(value)]
  })
  return (doc) => Object.fromEntries(fields.map(([name, evaluate]) => [name, evaluate(doc)]))
}

interface Accumulator {
  start(): unknown
  add(state: unknown, doc: Doc): unknown
}

function compileAccumulator(spec: unknown): Accumulator {
  if (!isPlainObject(spec)) throw new NotSimple()
  const entries = Object.entries(spec as Doc)
  const [operator, argument] = entries[0] ?? []
  if (entries.length !== 1) throw new NotSimple()
  const value = compileValue(argument)
  if (operator === '$sum')
    return {
      start: () => 0,
      add: (total, doc) => {
        const n = value(doc)
        return typeof n === 'number' ? (total as number) + n : total
      },
    }
  if (operator === '$push')
    return {
      start: () => [],
      add: (list, doc) => {
        ;(list as unknown[]).push(value(doc))
        return list
      },
    }
  throw new NotSimple()
}

/** The key's parts as scalars, for nested-map grouping without building a string or an object per
 * document; a key part that is an object is not simple. */
function compileParts(expression: unknown): Evaluate[] {
  const parts = isPlainObject(expression) ? Object.values(expression as Doc).map(compileValue) : [compileValue(expression)]
  return parts.map((part) => (doc) => {
    const value = part(doc)
    if (value !== null && typeof value === 'object') throw new NotSimple()
    return value
  })
}

interface Group {
  id: unknown
  states: unknown[]
}

function group(docs: Doc[], spec: Doc): Doc[] {
  const key = compileKey(spec._id)
  const parts = compileParts(spec._id)
  const last = parts.length - 1
  const accumulators = Object.entries(spec)
    .filter(([name]) => name !== '_id')
    .map(([name, value]): [string, Accumulator] => [name, compileAccumulator(value)])
  const adders = accumulators.map(([, accumulator]) => accumulator.add)
  const root = new Map<unknown, unknown>()
  const groups: Group[] = []
  for (const doc of docs) {
    let level = root
    for (let index = 0; index < last; index += 1) {
      const value = (parts[index] as Evaluate)(doc)
      let next = level.get(value) as Map<unknown, unknown> | undefined
      if (!next) {
        next = new Map()
        level.set(value, next)
      }
      level = next
    }
    const leaf = (parts[last] as Evaluate)(doc)
    let entry = level.get(leaf) as Group | undefined
    if (!entry) {
      entry = { id: key(doc), states: accumulators.map(([, accumulator]) => accumulator.start()) }
      level.set(leaf, entry)
      groups.push(entry)
    }
    const { states } = entry
    for (let index = 0; index < adders.length; index += 1) states[index] = (adders[index] as Accumulator['add'])(states[index], doc)
  }
  return groups.map(({ id, states }) => ({ _id: id, ...Object.fromEntries(accumulators.map(([name], index) => [name, states[index]])) }))
}

/** The pipeline's result, or undefined when it is not one this file runs. */
export function runSimplePipeline(pipeline: readonly Doc[], docs: Doc[]): Doc[] | undefined {
  if (!pipeline.some((stage) => '$group' in stage)) return undefined
  try {
    let rows = docs
    for (const stage of pipeline) {
      const [operator, value] = Object.entries(stage)[0] ?? []
      if (operator === '$match' && isPlainObject(value)) rows = matching(rows, value as Doc)
      else if (operator === '$group' && isPlainObject(value)) rows = group(rows, value as Doc)
      else if (operator === '$limit' && typeof value === 'number' && Number.isInteger(value) && value > 0) rows = rows.slice(0, value)
      else return undefined
    }
    return rows
  } catch (error) {
    if (error instanceof NotSimple) return undefined
    throw error
  }
}
