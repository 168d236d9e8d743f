// The documented request bodies of the 云调用 APIs the storefront uses, as WeChat receives them
// (snake_case, after wx-server-sdk's convertCase). Written from reference/wechat.md §4 and §5.1 and
// maps-eta-notify-mcp.md §5, not from server/: the two meet only on the wire, so a misread field name
// (`tracking_company`, `receiver_phone`, seen in public code) fails here as it would on WeChat.
import { z } from 'zod'

const text = z.string().min(1)

export const subscribeSendSchema = z
  .object({
    touser: text,
    template_id: text,
    page: z.string().optional(),
    data: z.record(z.string().regex(/^[a-z_]+\d+$/), z.object({ value: z.string() }).strict()),
    miniprogram_state: z.enum(['developer', 'trial', 'formal']).optional(),
    lang: z.enum(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']).optional(),
  })
  .strict()

/** Value limits per keyword kind (reference/wechat.md §4); the kind is the key without its number. */
const VALUE_RULES: Record<string, (value: string) => boolean> = {
  thing: (value) => [...value].length <= 20,
  character_string: (value) => value.length <= 32 && /^[\x21-\x7e]*$/.test(value),
  number: (value) => /^\d{1,32}$/.test(value),
  letter: (value) => /^[A-Za-z]{1,32}$/.test(value),
  symbol: (value) => [...value].length <= 5,
  phrase: (value) => /^[\u4e00-\u9fff]{1,5}$/.test(value),
  time: (value) => value.length > 0 && value.length <= 40,
  date: (value) => value.length > 0 && value.length <= 40,
  amount: (value) => /^[^\d]?\d{1,10}(\.\d{1,2})?[^\d]?$/.test(value),
  phone_number: (value) => value.length <= 17 && /^[\d+\-*() ]+$/.test(value),
  car_number: (value) => [...value].length <= 8,
  name: (value) => ([...value].some((char) => char > '\u00ff') ? [...value].length <= 10 : value.length <= 20),
}

/** The first keyword whose value breaks its kind's rule (WeChat answers 47003 naming it). */
export function invalidKeyword(data: Record<string, { value: string }>): string | undefined {
  for (const [key, { value }] of Object.entries(data)) {
    const kind = key.replace(/\d+$/, '')
    const rule = VALUE_RULES[kind]
    if (!rule || !rule(value)) return key
  }
  return undefined
}

/** A masked phone as WeChat asks for it: last four digits clear (`138****0000`). */
const maskedContact = z.string().regex(/^\d{3}\*{4}\d{4}$/)

const shippingItem = z
  .object({
    tracking_no: z.string().min(1).max(128).optional(),
    express_company: z.string().min(1).max(128).optional(),
    item_desc: z
      .string()
      .min(1)
      .refine((value) => [...value].length <= 120, 'item_desc is at most 120 characters'),
    contact: z.object({ consignor_contact: maskedContact.optional(), receiver_contact: maskedContact.optional() }).strict().optional(),
  })
  .strict()

/** RFC 3339 with milliseconds optional and an explicit offset. */
const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:\d{2}|Z)$/)

export const uploadShippingInfoSchema = z
  .object({
    order_key: z
      .object({
        order_number_type: z.union([z.literal(1), z.literal(2)]),
        transaction_id: z.string().min(1).optional(),
        mchid: z.string().min(1).optional(),
        out_trade_no: z.string().min(1).optional(),
      })
      .strict()
      .refine(
        (key) =>
          key.order_number_type === 2 ? key.transaction_id !== undefined : key.mchid !== undefined && key.out_trade_no !== undefined,
        'order_number_type 2 needs transaction_id; 1 needs mchid and out_trade_no',
      ),
    logistics_type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    delivery_mode: z.union([z.literal(1), z.literal(2)]),
    is_all_delivered: z.boolean().optional(),
    shipping_list: z.array(shippingItem).min(1).max(15),
    upload_time: rfc3339,
    payer: z.object({ openid: text }).strict(),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.delivery_mode === 2 && body.is_all_delivered === undefined)
      context.addIssue({ code: 'custom', message: 'split delivery needs is_all_delivered' })
    if (body.delivery_mode === 1 && body.shipping_list.length > 1)
      context.addIssue({ code: 'custom', message: 'unified delivery takes one shipping_list item' })
    if (body.logistics_type !== 1) return
    body.shipping_list.forEach((item, index) => {
      if (!item.tracking_no || !item.express_company)
        context.addIssue({ code: 'custom', message: `shipping_list[${index}]: express needs tracking_no and express_company` })
      if (item.express_company === 'SF' && !item.contact?.receiver_contact && !item.contact?.consignor_contact) {
        context.addIssue({ code: 'custom', message: `shipping_list[${index}]: SF needs contact.receiver_contact or consignor_contact` })
      }
    })
  })

export const notifyConfirmReceiveSchema = z
  .object({
    transaction_id: z.string().min(1).optional(),
    merchant_id: z.string().min(1).optional(),
    sub_merchant_id: z.string().min(1).optional(),
    merchant_trade_no: z.string().min(1).optional(),
    received_time: z.number().int().positive(),
  })
  .strict()
  .refine(
    (body) => body.transaction_id !== undefined || (body.merchant_id !== undefined && body.merchant_trade_no !== undefined),
    'give transaction_id, or merchant_id and merchant_trade_no',
  )

export type SubscribeSend = z.infer<typeof subscribeSendSchema>
export type UploadShippingInfo = z.infer<typeof uploadShippingInfoSchema>
export type NotifyConfirmReceive = z.infer<typeof notifyConfirmReceiveSchema>
