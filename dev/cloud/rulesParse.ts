// CloudBase security-rule expressions (reference/wechat.md §3): literals, `auth.openid`, `doc.<path>`,
// `now`, `request.data.<path>`, `== != > >= < <= in`, `! && ||` and parentheses. `get(...)` is not
// emulated; a rule using it fails to load. Parsing only; rulesEvaluate.ts applies a rule to a query.

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
      const raw = match[2] ?? match[3] ?? ''
      tokens.push({ type: 'string', text: raw, value: raw.replace(/\\(.)/g, '$1') })
    } else if (match[4] !== undefined) tokens.push({ type: 'op', text: match[4] })
    else tokens.push({ type: 'name', text: match[5] ?? '' })
  }
  return tokens
}

const ROOTS = new Set(['auth', 'doc', 'now', 'request'])
const COMPARE_OPS = new Set(['==', '!=', '>', '>=', '<', '<=', 'in'])

export function parseRule(source: string): ParsedRule {
  if (source.length > MAX_RULE_LENGTH)
    return { ok: false, reason: 'invalid-rule', message: `rule longer than ${MAX_RULE_LENGTH} characters` }
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
      if (!part || part.type !== 'name') return problem('expected a field name after "."')
      path.push(part.text)
      position += 1
    }
    return { kind: 'path', root: token.text as 'auth' | 'doc' | 'now' | 'request', path }
  }

  try {
    const node = parseOr()
    const extra = tokens[position]
    if (extra) problem(`unexpected "${extra.text}"`)
    return { ok: true, node }
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, reason: 'invalid-rule', message: error.message }
    throw error
  }
}

class RuleSyntaxError extends Error {}
