// SUBSCRIBE_TEMPLATES (DESIGN §5): which subscribe-message template each event uses and which keyword
// shows which fact. Keyword names are assigned by WeChat per template (maps-eta-notify-mcp.md §4.2),
// so they live here and not in code. Production has no default: without the key nothing is sent and
// the consent dialog offers nothing; npm start passes dev templates (dev/start/functionEnv.ts).
import * as z from '../../core/validation/zod'
import { keywordKind, MESSAGE_FIELDS, NOTIFY_EVENTS, type NotifyEvent, type NotifyTemplate } from '../../core/notify'

const templateSchema = z.object({
  event: z.enum(NOTIFY_EVENTS),
  templateId: z.string().check(z.minLength(1), z.maxLength(128)),
  title: z.string().check(z.minLength(1), z.maxLength(40)),
  keywords: z.record(
    z.string().check(z.refine((key) => keywordKind(key) !== undefined, 'a keyword like thing2 or character_string1')),
    z.enum(MESSAGE_FIELDS),
  ),
})

const notifyConfigSchema = z.object({
  miniprogramState: z._default(z.enum(['developer', 'trial', 'formal']), 'formal'),
  lang: z._default(z.enum(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']), 'zh_CN'),
  templates: z.array(templateSchema).check(z.maxLength(NOTIFY_EVENTS.length)),
})

export interface NotifyConfig {
  miniprogramState: 'developer' | 'trial' | 'formal'
  lang: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
  templates: NotifyTemplate[]
}

export type NotifyConfigResult = { ok: true; config: NotifyConfig } | { ok: false; message: string }

export function loadNotifyConfig(env: Record<string, string | undefined>): NotifyConfigResult {
  const raw = env.SUBSCRIBE_TEMPLATES?.trim()
  if (!raw) return { ok: true, config: { miniprogramState: 'formal', lang: 'zh_CN', templates: [] } }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, message: 'SUBSCRIBE_TEMPLATES is not JSON' }
  }
  const parsed = notifyConfigSchema.safeParse(json)
  if (!parsed.success)
    return {
      ok: false,
      message: `SUBSCRIBE_TEMPLATES: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    }
  const events = parsed.data.templates.map((template) => template.event)
  if (new Set(events).size !== events.length) return { ok: false, message: 'SUBSCRIBE_TEMPLATES: one template per event' }
  return { ok: true, config: parsed.data }
}

export function templateFor(config: NotifyConfig, event: NotifyEvent): NotifyTemplate | undefined {
  return config.templates.find((template) => template.event === event)
}
