// Applying a collection's security rules to a client request (reference/wechat.md §3, §2.3).
// What a query proves about the documents it can match: equality (`field: v`, `$eq`, `$in`) and numeric
// ranges (`$gt $gte $lt $lte`) on top-level fields and inside `$and`. Anything else (`$or`, `$ne`,
// regexes…) proves nothing, so a rule that depends on it denies. `'{openid}'` as a plain field value is
// replaced with the caller's openid first; inside commands it is not ("cannot be used with commands").
import { isPlainObject, type Doc } from './ejson'
import { evaluateRule, type Bound, type FieldKnowledge } from './rulesEvaluate'
import { parseRule, type Node } from './rulesParse'

export type RuleValue = boolean | string
export interface RuleFile {
  read: RuleValue
  write: RuleValue
  create?: RuleValue
  update?: RuleValue
  delete?: RuleValue
}
export type RuleOperation = 'read' | 'create' | 'update' | 'delete'

/** A collection's rules with each expression parsed once at load time. */
export type CompiledRules = Record<RuleOperation, Node>

export type CompiledRulesResult = { ok: true; rules: CompiledRules } | { ok: false; reason: 'invalid-rule'; message: string }

export function compileRules(file: RuleFile): CompiledRulesResult {
  const pick = (op: RuleOperation): RuleValue => (op === 'read' ? file.read : (file[op] ?? file.write))
  const rules = {} as CompiledRules
  for (const op of ['read', 'create', 'update', 'delete'] as const) {
    const value = pick(op)
    if (typeof value === 'boolean') {
      rules[op] = { kind: 'literal', value }
      continue
    }
    const parsed = parseRule(value)
    if (!parsed.ok) return parsed
    rules[op] = parsed.node
  }
  return { ok: true, rules }
}

export const OPENID_PLACEHOLDER = '{openid}'

/** Replaces `'{openid}'` where it is a field's plain value (also within `$and`/`$or` branches). */
export function substituteOpenid(query: Doc, openid: string): Doc {
  const out: Doc = {}
  for (const [key, value] of Object.entries(query)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      out[key] = value.map((branch) => (isPlainObject(branch) ? substituteOpenid(branch, openid) : branch))
    } else {
      out[key] = value === OPENID_PLACEHOLDER && !key.startsWith('$') ? openid : value
    }
  }
  return out
}

export interface RuleCheck {
  rules: CompiledRules
  operation: RuleOperation
  openid: string
  now: number
  /** For reads, updates and deletes: the query; for creates: the document being created. */
  subject: { query: Doc } | { document: Doc }
  requestData?: Doc
}

export function allows(check: RuleCheck): boolean {
  const lookup = 'query' in check.subject ? knowledgeFromQuery(check.subject.query) : knowledgeFromDocument(check.subject.document)
  return (
    evaluateRule(check.rules[check.operation], { openid: check.openid, now: check.now, doc: lookup, requestData: check.requestData }) ===
    'true'
  )
}

function knowledgeFromDocument(document: Doc): (path: string) => FieldKnowledge {
  return (path) => ({ kind: 'values', values: [valueAt(document, path)] })
}

export function knowledgeFromQuery(query: Doc): (path: string) => FieldKnowledge {
  const facts = new Map<string, FieldKnowledge>()
  collect(query, facts)
  return (path) => {
    const direct = facts.get(path)
    if (direct) return direct
    // `doc.addr.city` is known when the query pins the whole `addr` object.
    const parts = path.split('.')
    for (let cut = parts.length - 1; cut > 0; cut -= 1) {
      const parent = facts.get(parts.slice(0, cut).join('.'))
      if (parent?.kind === 'values') {
        return { kind: 'values', values: parent.values.map((value) => valueAt(value, parts.slice(cut).join('.'))) }
      }
    }
    return { kind: 'unknown' }
  }
}

function collect(query: Doc, facts: Map<string, FieldKnowledge>): void {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const branch of condition) if (isPlainObject(branch)) collect(branch, facts)
      continue
    }
    if (key.startsWith('$')) continue
    const fact = factOf(condition)
    if (fact) facts.set(key, merge(facts.get(key), fact))
  }
}

function factOf(condition: unknown): FieldKnowledge | undefined {
  if (condition instanceof RegExp) return undefined
  if (!isPlainObject(condition) || !Object.keys(condition).some((key) => key.startsWith('$'))) {
    return { kind: 'values', values: [condition] }
  }
  let fact: FieldKnowledge | undefined
  for (const [op, operand] of Object.entries(condition)) {
    let next: FieldKnowledge | undefined
    if (op === '$eq') next = { kind: 'values', values: [operand] }
    else if (op === '$in' && Array.isArray(operand)) next = { kind: 'values', values: operand }
    else if (op === '$gt' || op === '$gte') next = boundFact('low', operand, op === '$gte')
    else if (op === '$lt' || op === '$lte') next = boundFact('high', operand, op === '$lte')
    if (next) fact = merge(fact, next)
  }
  return fact
}

function boundFact(side: 'low' | 'high', operand: unknown, inclusive: boolean): FieldKnowledge | undefined {
  const value = operand instanceof Date ? operand.getTime() : operand
  return typeof value === 'number' ? { kind: 'range', [side]: { value, inclusive } } : undefined
}

/** Both facts hold at once: intersect value sets, tighten ranges, prefer exact values over ranges. */
function merge(a: FieldKnowledge | undefined, b: FieldKnowledge): FieldKnowledge {
  if (!a || a.kind === 'unknown') return b
  if (b.kind === 'unknown') return a
  if (a.kind === 'values' && b.kind === 'values') return { kind: 'values', values: a.values.filter((v) => b.values.includes(v)) }
  if (a.kind === 'values') return a
  if (b.kind === 'values') return b
  return { kind: 'range', low: tighter(a.low, b.low, 1), high: tighter(a.high, b.high, -1) }
}

function tighter(a: Bound | undefined, b: Bound | undefined, direction: 1 | -1): Bound | undefined {
  if (!a) return b
  if (!b) return a
  if (a.value === b.value) return { value: a.value, inclusive: a.inclusive && b.inclusive }
  return (a.value - b.value) * direction > 0 ? a : b
}

function valueAt(value: unknown, path: string): unknown {
  let current = value
  for (const key of path.split('.')) {
    if (!isPlainObject(current)) return undefined
    current = current[key]
  }
  return current
}
