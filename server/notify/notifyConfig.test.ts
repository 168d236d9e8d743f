import { loadNotifyConfig, templateFor } from './notifyConfig'

const TEMPLATES = {
  miniprogramState: 'developer',
  templates: [
    {
      event: 'shipped',
      templateId: 'tmpl-shipped',
      title: '订单发货通知',
      keywords: { character_string1: 'trackingNo', thing2: 'carrier' },
    },
    { event: 'out_for_delivery', templateId: 'tmpl-ofd', title: '快递派送通知', keywords: { phrase1: 'status', time2: 'time' } },
  ],
}

test('templates per event, with the message defaults', () => {
  const loaded = loadNotifyConfig({ SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES) })
  expect(loaded).toMatchObject({ ok: true, config: { miniprogramState: 'developer', lang: 'zh_CN' } })
  if (!loaded.ok) throw new Error(loaded.message)
  expect(templateFor(loaded.config, 'out_for_delivery')?.templateId).toBe('tmpl-ofd')
  expect(templateFor(loaded.config, 'delivered')).toBeUndefined()
})

test('unset: nothing to send, nothing to ask for', () => {
  expect(loadNotifyConfig({})).toEqual({ ok: true, config: { miniprogramState: 'formal', lang: 'zh_CN', templates: [] } })
})

test.each([
  ['not JSON', '{', 'not JSON'],
  ['an unknown event', JSON.stringify({ templates: [{ ...TEMPLATES.templates[0], event: 'lost' }] }), 'templates.0.event'],
  ['a keyword of no kind', JSON.stringify({ templates: [{ ...TEMPLATES.templates[0], keywords: { remark1: 'note' } }] }), 'keywords'],
  ['an unknown fact', JSON.stringify({ templates: [{ ...TEMPLATES.templates[0], keywords: { thing1: 'weather' } }] }), 'keywords'],
  [
    'two templates for one event',
    JSON.stringify({ templates: [TEMPLATES.templates[0], TEMPLATES.templates[0]] }),
    'one template per event',
  ],
])('refuses %s', (_case, raw, message) => {
  expect(loadNotifyConfig({ SUBSCRIBE_TEMPLATES: raw })).toEqual({ ok: false, message: expect.stringContaining(message) })
})
