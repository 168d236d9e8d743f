// notificationConsent's input and answers (DESIGN §5): the templates a page may ask the shopper for,
// and the results of wx.requestSubscribeMessage recorded as one-time credits on the shopper's order.
import * as z from '../validation/zod'
import { docIdSchema } from '../api/fields'
import type { Failure } from '../api/result'
import type { NotifyEvent } from './notifyEvents'

export const CONSENT_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const
export type ConsentResult = (typeof CONSENT_RESULTS)[number]

export const notificationConsentInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('templates') }),
  z.object({
    action: z.literal('record'),
    orderId: docIdSchema,
    results: z
      .record(z.string().check(z.minLength(1), z.maxLength(128)), z.enum(CONSENT_RESULTS))
      .check(z.refine((results) => Object.keys(results).length >= 1 && Object.keys(results).length <= 5, 'one to five templates')),
  }),
])
export type NotificationConsentInput = z.infer<typeof notificationConsentInput>

export interface ConsentTemplate {
  templateId: string
  event: NotifyEvent
  title: string
}
export interface ConsentCredit {
  templateId: string
  remaining: number
}

export type TemplatesResult = { ok: true; templates: ConsentTemplate[] }
export type RecordConsentResult =
  | { ok: true; credits: ConsentCredit[] }
  | Failure<'order_not_found' | 'unknown_template' | 'not_signed_in' | 'invalid_input' | 'internal_error'>
