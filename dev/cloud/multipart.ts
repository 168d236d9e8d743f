// multipart/form-data as node-sdk (form-data 4) sends `wx.openApi` requests: one part per param,
// binary `requestData`. Only what that sender produces is parsed: named parts, optional filename and
// content type, CRLF line breaks.

export interface FormPart {
  name: string
  value: Buffer
  filename?: string
  contentType?: string
}

export type FormParse = { ok: true; parts: FormPart[] } | { ok: false; reason: 'malformed-multipart'; message: string }

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')
  return match ? (match[1] ?? match[2]) : undefined
}

export function parseMultipart(body: Buffer, boundary: string): FormParse {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: FormPart[] = []
  let start = body.indexOf(delimiter)
  if (start < 0) return { ok: false, reason: 'malformed-multipart', message: 'boundary not found in body' }
  for (;;) {
    start += delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') return { ok: true, parts }
    if (body.subarray(start, start + 2).toString() !== '\r\n')
      return { ok: false, reason: 'malformed-multipart', message: 'expected CRLF after boundary' }
    start += 2
    const next = body.indexOf(delimiter, start)
    if (next < 0) return { ok: false, reason: 'malformed-multipart', message: 'missing closing boundary' }
    const part = body.subarray(start, next - 2) // the CRLF before the next delimiter belongs to it
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd < 0) return { ok: false, reason: 'malformed-multipart', message: 'part without headers' }
    const headers = part.subarray(0, headerEnd).toString('utf8').split('\r\n')
    const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? ''
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
    if (name === undefined) return { ok: false, reason: 'malformed-multipart', message: 'part without a name' }
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1]
    const contentType = headers.find((line) => /^content-type:/i.test(line))?.replace(/^content-type:\s*/i, '')
    parts.push({
      name,
      value: Buffer.from(part.subarray(headerEnd + 4)),
      ...(filename === undefined ? {} : { filename }),
      ...(contentType === undefined ? {} : { contentType }),
    })
    start = next
  }
}
