// Kdniao payload schemas (aggregators.md §1.4–§1.7). Loose objects keep unknown fields; codes accept
// numbers as well as strings because old samples send `State` as a number; `Success` accepts "true".
import { z } from 'zod'

const code = z.union([z.string(), z.number()]).transform((value) => String(value).trim())
const flag = z.union([z.boolean(), z.string()]).transform((value) => value === true || String(value).toLowerCase() === 'true')
const optionalText = z.string().nullish()

export const kdniaoTraceSchema = z.looseObject({
  AcceptTime: z.string(),
  AcceptStation: z.string().nullish().transform((value) => value ?? ''),
  Location: optionalText,
  Action: code.nullish(),
  Remark: optionalText,
})

/** One waybill: an instant-query answer (1002/8001/8002) or one `Data[]` item of a push (101/102). */
export const kdniaoWaybillSchema = z.looseObject({
  EBusinessID: code.nullish(),
  ShipperCode: optionalText,
  LogisticCode: code,
  Success: flag,
  Reason: optionalText,
  State: code.nullish(),
  StateEx: code.nullish(),
  Location: optionalText,
  EstimatedDeliveryTime: optionalText,
  Traces: z.array(kdniaoTraceSchema).nullish().transform((value) => value ?? []),
})

export const kdniaoPushSchema = z.looseObject({
  EBusinessID: code,
  PushTime: optionalText,
  /** A string on the wire ("2"), kept as sent. */
  Count: code.nullish(),
  Data: z.array(kdniaoWaybillSchema),
})

export const kdniaoSubscribeResponseSchema = z.looseObject({
  EBusinessID: code.nullish(),
  UpdateTime: optionalText,
  Success: flag,
  Reason: optionalText,
  EstimatedDeliveryTime: optionalText,
  ShipperCode: optionalText,
  LogisticCode: code.nullish(),
})

export const kdniaoRecognitionResponseSchema = z.looseObject({
  EBusinessID: code.nullish(),
  LogisticCode: code.nullish(),
  Success: flag,
  Reason: optionalText,
  Shippers: z.array(z.looseObject({ ShipperCode: z.string(), ShipperName: optionalText })).nullish().transform((value) => value ?? []),
})

export type KdniaoWaybill = z.infer<typeof kdniaoWaybillSchema>
export type KdniaoTrace = z.infer<typeof kdniaoTraceSchema>
