// Kuaidi100 payload schemas (aggregators.md §2.3–§2.6). Loose objects keep unknown fields; numeric
// codes are accepted as numbers or strings because the JSON types drift from the docs ("state" is a
// string even where the docs say Integer).
import { z } from 'zod'

const code = z.union([z.string(), z.number()]).transform((value) => String(value).trim())
const optionalText = z.string().nullish()

export const kuaidi100TraceSchema = z.looseObject({
  time: optionalText,
  ftime: optionalText,
  context: optionalText,
  location: optionalText,
  areaName: optionalText,
  areaCode: optionalText,
  status: optionalText,
  statusCode: code.nullish(),
})

/** A query answer and a push's `lastResult` / `destResult` share this shape; data is newest first. */
export const kuaidi100ResultSchema = z.looseObject({
  message: optionalText,
  state: code.nullish(),
  status: code.nullish(),
  condition: optionalText,
  ischeck: code.nullish(),
  com: z.string(),
  nu: code,
  data: z.array(kuaidi100TraceSchema).nullish().transform((value) => value ?? []),
})

export const kuaidi100FailureSchema = z.looseObject({
  result: z.union([z.boolean(), z.string()]).nullish(),
  returnCode: code,
  message: optionalText,
})

export const kuaidi100PushParamSchema = z.looseObject({
  status: z.string(),
  billstatus: optionalText,
  message: optionalText,
  autoCheck: code.nullish(),
  comOld: optionalText,
  comNew: optionalText,
  lastResult: kuaidi100ResultSchema,
  destResult: kuaidi100ResultSchema.nullish(),
})

export const kuaidi100AutoNumberSchema = z.array(z.looseObject({ comCode: z.string(), name: optionalText }))

export type Kuaidi100Result = z.infer<typeof kuaidi100ResultSchema>
export type Kuaidi100PushParam = z.infer<typeof kuaidi100PushParamSchema>
