import { boundaryOf, parseMultipart } from './multipart'
import { decodeRequestData, openApiError, openApiReply } from './openApi'
import { bytesField, decodeMessage, encodeMessage, varintField } from './protobufWire'

describe('protobuf wire', () => {
  test('round-trips bytes, strings and varints, including a negative int32', () => {
    const encoded = encodeMessage([
      { field: 1, bytes: 'héllo' },
      { field: 3, varint: -604101 },
      { field: 4, varint: 300 },
    ])
    const decoded = decodeMessage(encoded)
    if (!decoded.ok) throw new Error(decoded.message)
    expect(bytesField(decoded.message, 1)[0]?.toString('utf8')).toBe('héllo')
    expect(BigInt.asIntN(32, varintField(decoded.message, 3) as bigint)).toBe(-604101n)
    expect(varintField(decoded.message, 4)).toBe(300n)
  })

  test('a negative int32 takes ten bytes, as protobufjs writes it', () => {
    expect(encodeMessage([{ field: 3, varint: -1 }]).length).toBe(1 + 10)
  })

  test.each([
    ['truncated length', Buffer.from([0x0a, 0x05, 0x61])],
    ['unsupported wire type', Buffer.from([0x0d, 0, 0, 0, 0])],
    ['unterminated varint', Buffer.from([0x08, 0xff])],
  ])('rejects %s', (_label, buffer) => {
    const decoded = decodeMessage(buffer)
    expect(decoded.ok).toBe(false)
    if (!decoded.ok) expect(decoded.reason).toBe('malformed-protobuf')
  })
})

describe('openapi messages', () => {
  // CommApiData { apiType: 1, openapiData: { pairs: [{key, value}] } } as wx-server-sdk builds it.
  const pair = (key: string, value: string) =>
    encodeMessage([
      { field: 1, bytes: key },
      { field: 2, bytes: value },
    ])
  const requestData = encodeMessage([
    { field: 1, varint: 1 },
    {
      field: 2,
      bytes: encodeMessage([
        { field: 1, bytes: pair('touser', '"o-alice"') },
        { field: 1, bytes: pair('data', '{"thing1":{"value":"x"}}') },
      ]),
    },
  ])

  test('decodes the params of CommApiData', () => {
    expect(decodeRequestData(requestData)).toEqual({ ok: true, data: { touser: 'o-alice', data: { thing1: { value: 'x' } } } })
  })

  test('a reply carries JSON, its content type and HTTP 200', () => {
    const decoded = decodeMessage(openApiReply({ errcode: 0, msgid: 7 }))
    if (!decoded.ok) throw new Error(decoded.message)
    expect(JSON.parse(bytesField(decoded.message, 1)[0]?.toString() ?? '')).toEqual({ errcode: 0, msgid: 7 })
    expect(bytesField(decoded.message, 2)[0]?.toString()).toBe('application/json')
    expect(varintField(decoded.message, 4)).toBe(200n)
  })

  test('an error reply carries only the error code', () => {
    const decoded = decodeMessage(openApiError(-604101))
    if (!decoded.ok) throw new Error(decoded.message)
    expect(BigInt.asIntN(32, varintField(decoded.message, 3) as bigint)).toBe(-604101n)
    expect(bytesField(decoded.message, 1)).toEqual([])
  })
})

describe('multipart/form-data', () => {
  const boundary = '--------------------------3880f83e604481fee3489896'
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from([0, 13, 10, 255]),
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="tcb_sessionToken"\r\n\r\n\r\n--${boundary}--\r\n`),
  ])

  test('finds the boundary in the content type', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary)
    expect(boundaryOf('application/json')).toBeUndefined()
  })

  test('splits named parts, keeping binary values intact', () => {
    const parsed = parseMultipart(body, boundary)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.parts.map((part) => part.name)).toEqual(['action', 'requestData', 'tcb_sessionToken'])
    expect(parsed.parts[0]?.value.toString()).toBe('wx.openApi')
    expect([...(parsed.parts[1]?.value ?? [])]).toEqual([0, 13, 10, 255])
    expect(parsed.parts[1]?.contentType).toBe('application/octet-stream')
    expect(parsed.parts[2]?.value.length).toBe(0)
  })

  test.each([
    ['no boundary in the body', Buffer.from('hello')],
    ['no closing boundary', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`)],
    ['a part without a name', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--`)],
  ])('rejects %s', (_label, bad) => {
    const parsed = parseMultipart(bad, boundary)
    expect(parsed.ok).toBe(false)
  })
})
