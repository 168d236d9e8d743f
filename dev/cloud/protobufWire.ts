// Just enough of the protobuf wire format for `wx.openApi`: decoding the CommApiData request and
// encoding the CommOpenApiResp reply, with field numbers read from wx-server-sdk 4.0.2's generated
// code (src/protobuf/openapi.js). Varints and length-delimited fields only; that is all both use.

export type WireValue = { wireType: 0; value: bigint } | { wireType: 2; value: Buffer }

/** Field number → values in order of appearance. */
export type WireMessage = Map<number, WireValue[]>

export type WireDecode = { ok: true; message: WireMessage } | { ok: false; reason: 'malformed-protobuf'; message: string }

export function decodeMessage(buffer: Buffer): WireDecode {
  const message: WireMessage = new Map()
  let offset = 0
  const varint = (): bigint | undefined => {
    let result = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = buffer[offset++]
      if (byte === undefined) return undefined
      result |= BigInt(byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return result
    }
    return undefined
  }
  while (offset < buffer.length) {
    const key = varint()
    if (key === undefined) return { ok: false, reason: 'malformed-protobuf', message: `truncated key at byte ${offset}` }
    const field = Number(key >> 3n)
    const wireType = Number(key & 7n)
    let value: WireValue
    if (wireType === 0) {
      const read = varint()
      if (read === undefined) return { ok: false, reason: 'malformed-protobuf', message: `truncated varint in field ${field}` }
      value = { wireType: 0, value: read }
    } else if (wireType === 2) {
      const length = varint()
      if (length === undefined || offset + Number(length) > buffer.length)
        return { ok: false, reason: 'malformed-protobuf', message: `truncated bytes in field ${field}` }
      value = { wireType: 2, value: buffer.subarray(offset, offset + Number(length)) }
      offset += Number(length)
    } else {
      return { ok: false, reason: 'malformed-protobuf', message: `unsupported wire type ${wireType} in field ${field}` }
    }
    const values = message.get(field) ?? []
    values.push(value)
    message.set(field, values)
  }
  return { ok: true, message }
}

export function bytesField(message: WireMessage, field: number): Buffer[] {
  return (message.get(field) ?? []).filter((value) => value.wireType === 2).map((value) => value.value as Buffer)
}

export function varintField(message: WireMessage, field: number): bigint | undefined {
  const value = (message.get(field) ?? []).find((candidate) => candidate.wireType === 0)
  return value?.value as bigint | undefined
}

/** A message to encode: fields in order; numbers are int32/uint32 varints (negatives as 10-byte two's complement). */
export type EncodeField = { field: number; bytes: Buffer | string } | { field: number; varint: number }

export function encodeMessage(fields: EncodeField[]): Buffer {
  const parts: Buffer[] = []
  for (const entry of fields) {
    if ('varint' in entry) {
      parts.push(encodeVarint(BigInt(entry.field) << 3n), encodeVarint(BigInt.asUintN(64, BigInt(entry.varint))))
    } else {
      const bytes = typeof entry.bytes === 'string' ? Buffer.from(entry.bytes, 'utf8') : entry.bytes
      parts.push(encodeVarint((BigInt(entry.field) << 3n) | 2n), encodeVarint(BigInt(bytes.length)), bytes)
    }
  }
  return Buffer.concat(parts)
}

function encodeVarint(value: bigint): Buffer {
  const bytes: number[] = []
  let rest = value
  do {
    let byte = Number(rest & 0x7fn)
    rest >>= 7n
    if (rest > 0n) byte |= 0x80
    bytes.push(byte)
  } while (rest > 0n)
  return Buffer.from(bytes)
}
