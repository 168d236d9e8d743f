// The core's Digests port (core/crypto/digests.ts) on the platform: node:crypto and Buffer, which
// SCF's Node runtime has. Buffer and createHash encode strings as UTF-8 with lone surrogates as
// U+FFFD, which is what the port promises.
import { createHash } from 'node:crypto'
import type { Digests } from '../../core/crypto'

export const nodeDigests: Digests = {
  md5Hex: (text) => createHash('md5').update(text, 'utf8').digest('hex'),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  base64: (text) => Buffer.from(text, 'utf8').toString('base64'),
}
