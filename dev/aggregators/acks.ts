// What counts as a receiver's acknowledgement (reference/aggregators.md §1.6, §2.5). Anything else
// — another status, an unparsable body, a near-miss such as `"returnCode":200` — is a failure the
// vendor retries.
import { z } from 'zod'

const kdniaoAck = z.looseObject({ Success: z.literal(true) })
const kuaidi100Ack = z.looseObject({ result: z.literal(true), returnCode: z.literal('200') })

function parses(schema: z.ZodType, body: string): boolean {
  try {
    return schema.safeParse(JSON.parse(body)).success
  } catch {
    return false
  }
}

/** HTTP 200 with JSON `Success:true` (`{"EBusinessID":…,"UpdateTime":…,"Success":true,"Reason":""}`). */
export function isKdniaoAck(status: number, body: string): boolean {
  return status === 200 && parses(kdniaoAck, body)
}

/** HTTP 200 with `{"result":true,"returnCode":"200",…}` — returnCode is a string. */
export function isKuaidi100Ack(status: number, body: string): boolean {
  return status === 200 && parses(kuaidi100Ack, body)
}
