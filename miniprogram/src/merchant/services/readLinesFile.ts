// Reading a CSV/TXT of backfill lines. Weapp: a file from a chat (wx.chooseMessageFile — the way a
// merchant gets an export from a PC to the phone) read as UTF-8; the weapp file system has no GBK
// decoder, so Excel's default "CSV" (GBK on Chinese Windows) must be saved as "CSV UTF-8" there.
// H5: a file input; a file that is not valid UTF-8 is decoded as GB18030, what Excel writes.
import Taro from '@tarojs/taro'

export type ReadFileResult = { ok: true; text: string } | { ok: false; reason: 'cancelled' | 'unsupported' | 'read_failed' }

function decode(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

function pickInBrowser(): Promise<ReadFileResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,.txt,text/csv,text/plain'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) {
        resolve({ ok: false, reason: 'cancelled' })
        return
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ ok: true, text: decode(buffer) }),
        () => resolve({ ok: false, reason: 'read_failed' }),
      )
    }
    input.click()
  })
}

async function pickInWeapp(): Promise<ReadFileResult> {
  if (typeof Taro.chooseMessageFile !== 'function') return { ok: false, reason: 'unsupported' }
  let path: string
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
    path = chosen.tempFiles[0]?.path ?? ''
  } catch {
    return { ok: false, reason: 'cancelled' }
  }
  if (!path) return { ok: false, reason: 'cancelled' }
  try {
    const read = Taro.getFileSystemManager().readFileSync(path, 'utf8')
    return { ok: true, text: typeof read === 'string' ? read : '' }
  } catch {
    return { ok: false, reason: 'read_failed' }
  }
}

export function readLinesFile(): Promise<ReadFileResult> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}
