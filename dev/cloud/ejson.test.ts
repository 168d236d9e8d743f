import { decodeDocument, decodeEjson, encodeDocument } from './ejson'

const NOW = Date.parse('2026-03-01T00:00:00Z')

test('canonical EJSON numbers, dates and regexes decode to plain JS values', () => {
  const decoded = decodeDocument(
    '{"n":{"$numberInt":"3"},"d":{"$numberDouble":"1.5"},"l":{"$numberLong":"1700000000000"},"at":{"$date":{"$numberLong":"5"}},"re":{"$regularExpression":{"pattern":"^a","options":"i"}}}',
    NOW,
    'query',
  )
  expect(decoded).toEqual({ ok: true, value: { n: 3, d: 1.5, l: 1700000000000, at: new Date(5), re: /^a/i } })
})

test.each([
  ['{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}', NOW],
  ['{"$tcb_server_date":{"offset":{"$numberInt":"-1000"}}}', NOW - 1000],
  ['{"$tcb_server_date":{}}', NOW],
])('db.serverDate() %s is substituted from the server clock', (text, expected) => {
  const decoded = decodeDocument(`{"$set":{"at":${text}}}`, NOW, 'data')
  expect(decoded.ok && (decoded.value.$set as { at: Date }).at.getTime()).toBe(expected)
})

test.each([
  ['{"a":', 'invalid EJSON'],
  ['[1,2]', 'must be an object'],
  ['{"a":{"$oid":"zz"}}', 'invalid EJSON'],
  ['{"a":{"$numberDecimal":"1.5"}}', 'unsupported BSON type'],
  ['{"a":{"$tcb_server_date":{"offset":"soon"}}}', 'offset must be a number'],
])('rejects %s as a request failure', (text, mention) => {
  const decoded = decodeDocument(text, NOW, 'query')
  expect(decoded).toMatchObject({ ok: false, code: 'DATABASE_REQUEST_FAILED' })
  if (!decoded.ok) expect(decoded.message).toContain(mention)
})

test('a non-string is refused', () => {
  expect(decodeEjson(42, NOW, 'query')).toMatchObject({ ok: false, code: 'DATABASE_REQUEST_FAILED' })
})

test('documents encode as canonical EJSON strings', () => {
  expect(encodeDocument({ _id: 'a', n: 1, at: new Date(5) })).toBe('{"_id":"a","n":{"$numberInt":"1"},"at":{"$date":{"$numberLong":"5"}}}')
})
