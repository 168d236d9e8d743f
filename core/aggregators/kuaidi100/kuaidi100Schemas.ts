// Kuaidi100 payload schemas (aggregators.md §2.3–§2.6). Loose objects keep unknown fields; numeric
// codes are accepted as numbers or strings because the JSON types drift from the docs ("state" is a
// string even where the docs say Integer).
import * as z from '../../validation/zod'

const code = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value: string | number) => String(value).trim()),
)
const optionalText = z.nullish(z.string())

export const kuaidi100TraceSchema = z.looseObject({
  time: optionalText,
  ftime: optionalText,
  context: optionalText,
  location: optionalText,
  areaName: optionalText,
  areaCode: optionalText,
  status: optionalText,
  statusCode: z.nullish(code),
})

/** A query answer and a push's `lastResult` / `destResult` share this shape; data is newest first. */
export const kuaidi100ResultSchema = z.looseObject({
  message: optionalText,
  state: z.nullish(code),
  status: z.nullish(code),
  condition: optionalText,
  ischeck: z.nullish(code),
  com: z.string(),
  nu: code,
  data: z.pipe(
    z.nullish(z.array(kuaidi100TraceSchema)),
    z.transform((value) => value ?? []),
  ),
})

export const kuaidi100FailureSchema = z.looseObject({
  result: z.nullish(z.union([z.boolean(), z.string()])),
  returnCode: code,
  message: optionalText,
})

export const kuaidi100PushParamSchema = z.looseObject({
  status: z.string(),
  billstatus: optionalText,
  message: optionalText,
  autoCheck: z.nullish(code),
  comOld: optionalText,
  comNew: optionalText,
  lastResult: kuaidi100ResultSchema,
  destResult: z.nullish(kuaidi100ResultSchema),
})

export const kuaidi100AutoNumberSchema = z.array(z.looseObject({ comCode: z.string(), name: optionalText }))

export type Kuaidi100Result = z.infer<typeof kuaidi100ResultSchema>
export type Kuaidi100PushParam = z.infer<typeof kuaidi100PushParamSchema>
