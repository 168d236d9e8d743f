// CloudBase security-rule expressions (reference/wechat.md §3): literals, `auth.openid`, `doc.<path>`,
// `now`, `request.data.<path>`, `== != > >= < <= in`, `! && ||` and parentheses. `get(...)` is not
// emulated; a rule using it fails to load. Rules are applied to the QUERY, not to stored documents
// ("前端发起的查询条件必须是安全规则的子集"), so evaluation is three-valued: a rule allows only when it is
// true for every document the query can match.

export type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; root: 'auth' | 'doc' | 'now' | 'request'; path: string[] }
  | { kind: 'list'; items: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'compare'; op: CompareOp; left: Node; right: Node }

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in'

export type ParsedRule = { ok: true; node: Node } | { ok: false; reason: 'invalid-rule'; message: string }

/** The documented expression limit (reference/wechat.md §3). */
export const MAX_RULE_LENGTH = 1024

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(==|!=|>=|<=|&&|\|\||[<>!()[\],.])|([A-Za-z_$][\w$]*))/y

type Token = { type: 'number' | 'string' | 'op' | 'name'; text: string; value?: unknown }

function tokenize(source: string): Token[] | string {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break
    const at = TOKEN.lastIndex
    const match = TOKEN.exec(source)
    if (!match) return `unexpected character at ${at}: "${source.slice(at, at + 10)}"`
    if (match[1] !== undefined) tokens.push({ type: 'number', text: match[1], value: Number(match[1]) })
    else if (match[2] !== undefined || match[3] !== undefined) {
      const raw = match[2] ?? match[3]
      tokens.push({ type: 'string', text: raw, value: raw.replace(/\\(.)/g, '$1') })
    } else if (match[4] !== undefined) tokens.push({ type: 'op', text: match[4] })
    else tokens.push({ type: 'name', text: match[5] })
  }
  return tokens
}

const ROOTS = new Set(['auth', 'doc', 'now', 'request'])
const COMPARE_OPS = new Set(['==', '!=', '>', '>=', '<', '<=', 'in'])

export function parseRule(source: string): ParsedRule {
  if (source.length > MAX_RULE_LENGTH) return { ok: false, reason: 'invalid-rule', message: `rule longer than ${MAX_RULE_LENGTH} characters` }
  const tokens = tokenize(source)
  if (typeof tokens === 'string') return { ok: false, reason: 'invalid-rule', message: tokens }
  let position = 0
  const peek = () => tokens[position]
  const take = (text: string) => {
    if (peek()?.text === text && peek()?.type !== 'string') {
      position += 1
      return true
    }
    return false
  }
  const problem = (message: string): never => {
    throw new RuleSyntaxError(`${message} in rule "${source}"`)
  }

  const parseOr = (): Node => {
    let left = parseAnd()
    while (take('||')) left = { kind: 'or', left, right: parseAnd() }
    return left
  }
  const parseAnd = (): Node => {
    let left = parseUnary()
    while (take('&&')) left = { kind: 'and', left, right: parseUnary() }
    return left
  }
  const parseUnary = (): Node => (take('!') ? { kind: 'not', operand: parseUnary() } : parseComparison())
  const parseComparison = (): Node => {
    const left = parsePrimary()
    const next = peek()
    if (next && next.type !== 'string' && COMPARE_OPS.has(next.text)) {
      position += 1
      return { kind: 'compare', op: next.text as CompareOp, left, right: parsePrimary() }
    }
    return left
  }
  const parsePrimary = (): Node => {
    const token = peek()
    if (!token) return problem('unexpected end')
    position += 1
    if (token.type === 'number' || token.type === 'string') return { kind: 'literal', value: token.value }
    if (token.type === 'op') {
      if (token.text === '(') {
        const inner = parseOr()
        if (!take(')')) problem('missing ")"')
        return inner
      }
      if (token.text === '[') {
        const items: Node[] = []
        if (!take(']')) {
          do items.push(parsePrimary())
          while (take(','))
          if (!take(']')) problem('missing "]"')
        }
        return { kind: 'list', items }
      }
      return problem(`unexpected "${token.text}"`)
    }
    if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' }
    if (token.text === 'null') return { kind: 'literal', value: null }
    if (token.text === 'get') return problem('get() is not supported by the emulator')
    if (!ROOTS.has(token.text)) return problem(`unknown name "${token.text}"`)
    const path: string[] = []
    while (take('.')) {
      const part = peek()
      if (!part || part.type !== 'name') problem('expected a field name after "."')
      path.push(part.text)
      position += 1
    }
    return { kind: 'path', root: token.text as 'auth' | 'doc' | 'now' | 'request', path }
  }

  try {
    const node = parseOr()
    if (position !== tokens.length) problem(`unexpected "${tokens[position].text}"`)
    return { ok: true, node }
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, reason: 'invalid-rule', message: error.message }
    throw error
  }
}

class RuleSyntaxError extends Error {}

// ---- evaluation -------------------------------------------------------------------------------

/** What the query tells about one document field. */
export type FieldKnowledge =
  | { kind: 'values'; values: unknown[] }
  | { kind: 'range'; low?: Bound; high?: Bound }
  | { kind: 'unknown' }

export interface Bound { value: number; inclusive: boolean }

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
      return node.path.length === 1 && node.path[0] === 'openid' ? { kind: 'values', values: [context.openid] } : { kind: 'values', values: [undefined] }
    case 'doc':
      return node.path.length === 0 ? { kind: 'unknown' } : context.doc(node.path.join('.'))
    case 'request': {
      if (node.path[0] !== 'data' || context.requestData === undefined) return { kind: 'unknown' }
      let value: unknown = context.requestData
      for (const key of node.path.slice(1)) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
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
    case '==': return a === b
    case '!=': return a !== b
    case 'in': return Array.isArray(b) && b.some((item) => (item instanceof Date ? item.getTime() : item) === a)
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
      case '>': return above ? 'true' : atMost ? 'false' : 'unknown'
      case '>=': return atLeast ? 'true' : below ? 'false' : 'unknown'
      case '<': return below ? 'true' : atLeast ? 'false' : 'unknown'
      case '<=': return atMost ? 'true' : above ? 'false' : 'unknown'
      case '==': return above || below ? 'false' : 'unknown'
      case '!=': return above || below ? 'true' : 'unknown'
      default: return 'unknown'
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
