import { parseRule } from './rulesParse'
import { allows, compileRules, substituteOpenid, type RuleFile, type RuleOperation } from './rulesQuery'

const OWNER = 'doc._openid == auth.openid'
const NOW = 1_700_000_000_000

function check(
  rule: RuleFile,
  operation: RuleOperation,
  subject: { query: Record<string, unknown> } | { document: Record<string, unknown> },
  openid = 'o-alice',
): boolean {
  const compiled = compileRules(rule)
  if (!compiled.ok) throw new Error(compiled.message)
  return allows({ rules: compiled.rules, operation, openid, now: NOW, subject })
}

describe('parseRule', () => {
  test.each([
    [OWNER],
    ["doc.status in ['PAID', 'SHIPPED'] && !(doc.hidden == true)"],
    ['doc.total > 0 || auth.openid != null'],
    ['now < doc.expiresAt'],
    ["request.data.kind == 'note'"],
    ['"double" == doc.quote'],
  ])('parses %s', (source) => {
    expect(parseRule(source).ok).toBe(true)
  })

  test.each([
    ["get('database.users.x').admin == true", 'get()'],
    ['doc._openid === auth.openid', 'unexpected'],
    ['user.id == 1', 'unknown name "user"'],
    ['(doc.a == 1', 'missing ")"'],
    ['doc.a ==', 'unexpected end'],
    ['doc.a == 1 2', 'unexpected "2"'],
    ['doc.a == 1 # comment', 'unexpected character'],
    ['x'.repeat(1025), '1024'],
  ])('rejects %s', (source, mention) => {
    const parsed = parseRule(source)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain(mention)
  })
})

describe('rules applied to the query (subset semantics)', () => {
  const owner: RuleFile = { read: OWNER, write: false }

  test.each([
    ['owner query by literal openid', { _openid: 'o-alice', orderId: 'A1' }, true],
    ['owner query through the placeholder', substituteOpenid({ orderId: 'A1', _openid: '{openid}' }, 'o-alice'), true],
    ['owner condition inside $and', { $and: [{ orderId: 'A1' }, { _openid: 'o-alice' }] }, true],
    ['owner condition as $eq', { _openid: { $eq: 'o-alice' } }, true],
    ['single-value $in', { _openid: { $in: ['o-alice'] } }, true],
    ["someone else's openid", { _openid: 'o-bob' }, false],
    ['$in mixing owners', { _openid: { $in: ['o-alice', 'o-bob'] } }, false],
    ['no owner condition', { orderId: 'A1' }, false],
    ['owner only inside $or', { $or: [{ _openid: 'o-alice' }, { orderId: 'A1' }] }, false],
    ['a bare doc(id) query', { _id: 'A1' }, false],
    ['owner via $ne proves nothing', { _openid: { $ne: 'o-bob' } }, false],
  ])('read: %s', (_label, query, expected) => {
    expect(check(owner, 'read', { query })).toBe(expected)
  })

  test('the placeholder is not substituted inside commands', () => {
    expect(substituteOpenid({ _openid: { $eq: '{openid}' } }, 'o-alice')).toEqual({ _openid: { $eq: '{openid}' } })
  })

  test.each<[string, RuleFile, RuleOperation, Record<string, unknown>, boolean]>([
    ['write:false denies every create', owner, 'create', { _openid: 'o-alice' }, false],
    ['create falls back to write', { read: true, write: OWNER }, 'create', { _openid: 'o-alice', n: 1 }, true],
    ['create with a foreign owner', { read: true, write: OWNER }, 'create', { _openid: 'o-bob' }, false],
    ['explicit create key wins over write', { read: true, write: false, create: true }, 'create', { any: 1 }, true],
    ['update falls back to write', { read: true, write: OWNER }, 'update', { _openid: 'o-alice' }, true],
    ['delete key', { read: true, write: true, delete: false }, 'delete', { _openid: 'o-alice' }, false],
  ])('%s', (_label, rule, operation, subject, expected) => {
    const input = operation === 'create' ? { document: subject } : { query: subject }
    expect(check(rule, operation, input)).toBe(expected)
  })

  test.each([
    ['in-list satisfied by the query', "doc.status in ['PAID', 'SHIPPED']", { status: { $in: ['PAID'] } }, true],
    ['in-list not satisfied', "doc.status in ['PAID']", { status: { $in: ['PAID', 'NEW'] } }, false],
    ['range proves a lower bound', 'doc.total > 10', { total: { $gte: 20 } }, true],
    ['range at the boundary (exclusive)', 'doc.total > 10', { total: { $gt: 10 } }, true],
    ['range too wide', 'doc.total > 10', { total: { $gte: 5 } }, false],
    ['range inside $and tightened', 'doc.total < 100 && doc.total >= 1', { $and: [{ total: { $gte: 1 } }, { total: { $lt: 50 } }] }, true],
    ['negation of a refuted condition', '!(doc.hidden == true)', { hidden: false }, true],
    ['negation of an unknown stays unknown', '!(doc.hidden == true)', {}, false],
    ['or with one proven side', `${OWNER} || doc.public == true`, { public: true }, true],
    ['now compared with a pinned date', 'now < doc.expiresAt', { expiresAt: new Date(NOW + 1000) }, true],
    ['nested field from a pinned object', "doc.addr.city == 'SZ'", { addr: { city: 'SZ', zip: '1' } }, true],
    ['literal true', 'true', {}, true],
  ])('read rule: %s', (_label, read, query, expected) => {
    expect(check({ read, write: false }, 'read', { query })).toBe(expected)
  })

  test('a caller without an openid never matches an owner rule', () => {
    expect(check(owner, 'read', { query: { _openid: '' } }, '')).toBe(true)
    expect(check(owner, 'read', { query: { _openid: 'o-alice' } }, '')).toBe(false)
  })
})
