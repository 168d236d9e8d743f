// A direct implementation of the aggregation pipelines that only filter, group and count — `$match`
// (on mingo's query engine), `$group` keyed by field paths with `$sum` / `$push` of paths, `$limit`.
// mingo evaluates every accumulator through its generic expression machinery, ~25 µs a document:
// 100,000 parcels took seconds where the database takes milliseconds, which made the local cloud,
// not the function, the cost of the merchant console's statistics. Anything else (or a path that
// crosses an array) returns undefined and runs on mingo; groupStage.test.ts checks both agree.
import { find } from 'mingo'
import { isPlainObject, type Doc } from './ejson'

class NotSimple extends Error {}

function fieldPath(expression: unknown): string[] | undefined {
  return typeof expression === 'string' && expression.startsWith('$') && !expression.startsWith('$$') ? expression.slice(1).split('.') : undefined
}

/** A path's value; undefined when missing, as mingo leaves it (encoded, an array's undefined is null). */
function valueAt(doc: Doc, path: readonly string[]): unknown {
  let value: unknown = doc
  for (const key of path) {
    if (Array.isArray(value)) throw new NotSimple()
    if (!isPlainObject(value)) return undefined
    value = (value as Doc)[key]
  }
  if (Array.isArray(value) || (isPlainObject(value) && Object.keys(value as Doc).some((key) => key.startsWith('$')))) throw new NotSimple()
  return value
}

type Evaluate = (doc: Doc) => unknown

function compileValue(expression: unknown): Evaluate {
  const path = fieldPath(expression)
  if (path) return (doc) => valueAt(doc, path)
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

interface Accumulator { start(): unknown; add(state: unknown, doc: Doc): unknown }

function compileAccumulator(spec: unknown): Accumulator {
  if (!isPlainObject(spec)) throw new NotSimple()
  const entries = Object.entries(spec as Doc)
  const [operator, argument] = entries[0] ?? []
  if (entries.length !== 1) throw new NotSimple()
  const value = compileValue(argument)
  if (operator === '$sum') return { start: () => 0, add: (total, doc) => { const n = value(doc); return typeof n === 'number' ? (total as number) + n : total } }
  if (operator === '$push') return { start: () => [], add: (list, doc) => { (list as unknown[]).push(value(doc)); return list } }
  throw new NotSimple()
}

function group(docs: Doc[], spec: Doc): Doc[] {
  const key = compileKey(spec._id)
  const accumulators = Object.entries(spec).filter(([name]) => name !== '_id').map(([name, value]): [string, Accumulator] => [name, compileAccumulator(value)])
  const groups = new Map<string, { id: unknown; states: unknown[] }>()
  for (const doc of docs) {
    const id = key(doc)
    const signature = JSON.stringify(id)
    let entry = groups.get(signature)
    if (!entry) {
      entry = { id, states: accumulators.map(([, accumulator]) => accumulator.start()) }
      groups.set(signature, entry)
    }
    const { states } = entry
    accumulators.forEach(([, accumulator], index) => { states[index] = accumulator.add(states[index], doc) })
  }
  return [...groups.values()].map(({ id, states }) => ({ _id: id, ...Object.fromEntries(accumulators.map(([name], index) => [name, states[index]])) }))
}

/** The pipeline's result, or undefined when it is not one this file runs. */
export function runSimplePipeline(pipeline: readonly Doc[], docs: Doc[]): Doc[] | undefined {
  if (!pipeline.some((stage) => '$group' in stage)) return undefined
  try {
    let rows = docs
    for (const stage of pipeline) {
      const [operator, value] = Object.entries(stage)[0] ?? []
      if (operator === '$match' && isPlainObject(value)) rows = find(rows, value as Doc).all() as Doc[]
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
