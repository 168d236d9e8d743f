// Kdniao payload schemas (aggregators.md §1.4–§1.7). Loose objects keep unknown fields; codes accept
// numbers as well as strings because old samples send `State` as a number; `Success` accepts "true".
import * as z from '../../validation/zod'

const code = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value: string | number) => String(value).trim()),
)
const flag = z.pipe(
  z.union([z.boolean(), z.string()]),
  z.transform((value: boolean | string) => value === true || String(value).toLowerCase() === 'true'),
)
const optionalText = z.nullish(z.string())

export const kdniaoTraceSchema = z.looseObject({
  AcceptTime: z.string(),
  AcceptStation: z.pipe(
    z.nullish(z.string()),
    z.transform((value: string | null | undefined) => value ?? ''),
  ),
  Location: optionalText,
  Action: z.nullish(code),
  Remark: optionalText,
})

/** One waybill: an instant-query answer (1002/8001/8002) or one `Data[]` item of a push (101/102). */
export const kdniaoWaybillSchema = z.looseObject({
  EBusinessID: z.nullish(code),
  ShipperCode: optionalText,
  LogisticCode: code,
  Success: flag,
  Reason: optionalText,
  State: z.nullish(code),
  StateEx: z.nullish(code),
  Location: optionalText,
  EstimatedDeliveryTime: optionalText,
  Traces: z.pipe(
    z.nullish(z.array(kdniaoTraceSchema)),
    z.transform((value) => value ?? []),
  ),
})

export const kdniaoPushSchema = z.looseObject({
  EBusinessID: code,
  PushTime: optionalText,
  /** A string on the wire ("2"), kept as sent. */
  Count: z.nullish(code),
  Data: z.array(kdniaoWaybillSchema),
})

export const kdniaoSubscribeResponseSchema = z.looseObject({
  EBusinessID: z.nullish(code),
  UpdateTime: optionalText,
  Success: flag,
  Reason: optionalText,
  EstimatedDeliveryTime: optionalText,
  ShipperCode: optionalText,
  LogisticCode: z.nullish(code),
})

export const kdniaoRecognitionResponseSchema = z.looseObject({
  EBusinessID: z.nullish(code),
  LogisticCode: z.nullish(code),
  Success: flag,
  Reason: optionalText,
  Shippers: z.pipe(
    z.nullish(z.array(z.looseObject({ ShipperCode: z.string(), ShipperName: optionalText }))),
    z.transform((value) => value ?? []),
  ),
})

export type KdniaoWaybill = z.infer<typeof kdniaoWaybillSchema>
export type KdniaoTrace = z.infer<typeof kdniaoTraceSchema>
