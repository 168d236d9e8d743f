// Three-valued evaluation of a parsed security rule against what a query proves about the documents
// it can match (reference/wechat.md §3: "前端发起的查询条件必须是安全规则的子集"). A rule allows only when
// it is true for every such document; 'unknown' denies.
import type { CompareOp, Node } from './rulesParse'

/** What the query tells about one document field. */
export type FieldKnowledge = { kind: 'values'; values: unknown[] } | { kind: 'range'; low?: Bound; high?: Bound } | { kind: 'unknown' }

export interface Bound {
  value: number
  inclusive: boolean
}

export interface RuleContext {
  openid: string | undefined
  now: number
  doc(path: string): FieldKnowledge
  requestData?: Record<string, unknown>
}

/** Kleene truth: 'unknown' when the query does not pin the answer down for every matching document. */
export type Truth = 'true' | 'false' | 'unknown'

export function evaluateRule(node: Node, context: RuleContext): Truth {
  switch (node.kind) {
    case 'not': {
      const inner = evaluateRule(node.operand, context)
      return inner === 'unknown' ? inner : inner === 'true' ? 'false' : 'true'
    }
    case 'and': {
      const left = evaluateRule(node.left, context)
      if (left === 'false') return 'false'
      const right = evaluateRule(node.right, context)
      return right === 'false' ? 'false' : left === 'true' && right === 'true' ? 'true' : 'unknown'
    }
    case 'or': {
      const left = evaluateRule(node.left, context)
      if (left === 'true') return 'true'
      const right = evaluateRule(node.right, context)
      return right === 'true' ? 'true' : left === 'false' && right === 'false' ? 'false' : 'unknown'
    }
    case 'compare':
      return compare(node.op, operand(node.left, context), operand(node.right, context))
    default: {
      const value = operand(node, context)
      if (value.kind !== 'values') return 'unknown'
      return allOrNone(value.values.map((candidate) => candidate === true))
    }
  }
}

function operand(node: Node, context: RuleContext): FieldKnowledge {
  switch (node.kind) {
    case 'literal':
      return { kind: 'values', values: [node.value] }
    case 'list': {
      const items = node.items.map((item) => operand(item, context))
      if (items.some((item) => item.kind !== 'values' || item.values.length !== 1)) return { kind: 'unknown' }
      return { kind: 'values', values: [items.map((item) => (item as { values: unknown[] }).values[0])] }
    }
    case 'path':
      return pathValue(node, context)
    default: {
      const truth = evaluateRule(node, context)
      return truth === 'unknown' ? { kind: 'unknown' } : { kind: 'values', values: [truth === 'true'] }
    }
  }
}

function pathValue(node: Extract<Node, { kind: 'path' }>, context: RuleContext): FieldKnowledge {
  switch (node.root) {
    case 'now':
      return { kind: 'values', values: [context.now] }
    case 'auth':
      return node.path.length === 1 && node.path[0] === 'openid'
        ? { kind: 'values', values: [context.openid] }
        : { kind: 'values', values: [undefined] }
    case 'doc':
      return node.path.length === 0 ? { kind: 'unknown' } : context.doc(node.path.join('.'))
    case 'request': {
      if (node.path[0] !== 'data' || context.requestData === undefined) return { kind: 'unknown' }
      let value: unknown = context.requestData
      for (const key of node.path.slice(1))
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
      return { kind: 'values', values: [value] }
    }
  }
}

function compare(op: CompareOp, left: FieldKnowledge, right: FieldKnowledge): Truth {
  if (left.kind === 'unknown' || right.kind === 'unknown') return 'unknown'
  if (left.kind === 'range' && right.kind === 'values') return compareRange(op, left, right.values)
  if (left.kind === 'values' && right.kind === 'range') return compareRange(flip(op), right, left.values)
  if (left.kind !== 'values' || right.kind !== 'values') return 'unknown'
  const outcomes: boolean[] = []
  for (const a of left.values) for (const b of right.values) outcomes.push(comparePlain(op, a, b))
  return allOrNone(outcomes)
}

function comparePlain(op: CompareOp, rawA: unknown, rawB: unknown): boolean {
  const a = rawA instanceof Date ? rawA.getTime() : rawA
  const b = rawB instanceof Date ? rawB.getTime() : rawB
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case 'in':
      return Array.isArray(b) && b.some((item) => (item instanceof Date ? item.getTime() : item) === a)
    default: {
      if (!(typeof a === 'number' && typeof b === 'number') && !(typeof a === 'string' && typeof b === 'string')) return false
      if (op === '>') return a > b
      if (op === '>=') return a >= b
      if (op === '<') return a < b
      return a <= b
    }
  }
}

function compareRange(op: CompareOp, range: { low?: Bound; high?: Bound }, values: unknown[]): Truth {
  const outcomes: Truth[] = values.map((raw) => {
    const b = raw instanceof Date ? raw.getTime() : raw
    if (typeof b !== 'number') return 'unknown'
    const above = range.low !== undefined && (range.low.value > b || (range.low.value === b && !range.low.inclusive)) // every x > b
    const atLeast = range.low !== undefined && range.low.value >= b // every x >= b
    const below = range.high !== undefined && (range.high.value < b || (range.high.value === b && !range.high.inclusive)) // every x < b
    const atMost = range.high !== undefined && range.high.value <= b // every x <= b
    switch (op) {
      case '>':
        return above ? 'true' : atMost ? 'false' : 'unknown'
      case '>=':
        return atLeast ? 'true' : below ? 'false' : 'unknown'
      case '<':
        return below ? 'true' : atLeast ? 'false' : 'unknown'
      case '<=':
        return atMost ? 'true' : above ? 'false' : 'unknown'
      case '==':
        return above || below ? 'false' : 'unknown'
      case '!=':
        return above || below ? 'true' : 'unknown'
      default:
        return 'unknown'
    }
  })
  return outcomes.every((o) => o === 'true') ? 'true' : outcomes.every((o) => o === 'false') ? 'false' : 'unknown'
}

function flip(op: CompareOp): CompareOp {
  return ({ '>': '<', '>=': '<=', '<': '>', '<=': '>=' } as Record<string, CompareOp>)[op] ?? op
}

function allOrNone(outcomes: boolean[]): Truth {
  if (outcomes.length === 0) return 'unknown'
  return outcomes.every(Boolean) ? 'true' : outcomes.some(Boolean) ? 'unknown' : 'false'
}
