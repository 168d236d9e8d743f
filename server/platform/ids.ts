// Order ids: 32 hex characters, the shape of CloudBase's own auto ids (core/api docIdSchema accepts them).
import { randomBytes } from 'node:crypto'

export function newOrderId(): string {
  return randomBytes(16).toString('hex')
}
