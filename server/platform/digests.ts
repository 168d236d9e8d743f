// The core's Digests port (core/crypto/digests.ts) on the platform: node:crypto and Buffer, which
// SCF's Node runtime has. Both encode strings as UTF-8 with lone surrogates as U+FFFD, which is what
// the port promises. crypto.hash (Node 20.12+) is the one-shot form, about twice as fast per event id
// as building a Hash object; older runtimes get createHash.
import * as crypto from 'node:crypto'
import type { Digests } from '../../core/crypto'

type OneShot = (algorithm: string, data: string, encoding: 'hex') => string
const oneShot = (crypto as { hash?: OneShot }).hash

const hex = oneShot
  ? (algorithm: string, text: string) => oneShot(algorithm, text, 'hex')
  : (algorithm: string, text: string) => crypto.createHash(algorithm).update(text, 'utf8').digest('hex')

export const nodeDigests: Digests = {
  md5Hex: (text) => hex('md5', text),
  sha256Hex: (text) => hex('sha256', text),
  base64: (text) => Buffer.from(text, 'utf8').toString('base64'),
}
