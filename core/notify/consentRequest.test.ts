import type { ConsentTemplate } from './consent'
import { consentPlan } from './consentRequest'

const T = (event: ConsentTemplate['event']): ConsentTemplate => ({ templateId: `t-${event}`, event, title: event })
const ALL = [T('shipped'), T('out_for_delivery'), T('delivered'), T('exception')]

test.each([
  [
    'a paid order asks for what comes first',
    'PAID',
    undefined,
    { kind: 'ask', templateIds: ['t-shipped', 't-out_for_delivery', 't-delivered'] },
  ],
  [
    'a shipped order asks for what is ahead, at most 3',
    'SHIPPED',
    { mainSwitch: true },
    { kind: 'ask', templateIds: ['t-out_for_delivery', 't-delivered', 't-exception'] },
  ],
  [
    'always-refused templates are not asked again',
    'SHIPPED',
    { mainSwitch: true, itemSettings: { 't-delivered': 'reject', 't-exception': 'ban' } },
    { kind: 'ask', templateIds: ['t-out_for_delivery'] },
  ],
  [
    'always-accepted ones are still asked (that is how the credit is granted)',
    'SHIPPED',
    { mainSwitch: true, itemSettings: { 't-delivered': 'accept' } },
    { kind: 'ask', templateIds: ['t-out_for_delivery', 't-delivered', 't-exception'] },
  ],
  ['the master switch off asks nothing', 'PAID', { mainSwitch: false }, { kind: 'switched_off' }],
  ['a delivered order asks nothing', 'DELIVERED', undefined, { kind: 'nothing_to_ask' }],
] as const)('%s', (_case, status, setting, plan) => {
  expect(consentPlan(ALL, status, setting)).toEqual(plan)
})

test('no templates configured: nothing to ask', () => {
  expect(consentPlan([], 'PAID', undefined)).toEqual({ kind: 'nothing_to_ask' })
})
