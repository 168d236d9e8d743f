import { KDNIAO_CODES } from '../kdniaoCodes'
import { KUAIDI100_CODES } from '../kuaidi100Codes'
import { FINAL_STAGES, STAGES } from '../stages'
import { defaultScenarioName, SCENARIOS, scenarioByName } from './index'
import { scenarioSchema } from './scenario'

describe('shipped scenarios', () => {
  it('cover the stories the product needs', () => {
    expect([...SCENARIOS.keys()].sort()).toEqual([
      'failed-then-delivered',
      'international-s10',
      'locker-pickup',
      'normal-delivery',
      'refused-returned',
      'sf-normal',
      'stuck',
      'yto-normal',
      'zto-normal',
    ])
  })

  it.each([...SCENARIOS.values()].map((scenario) => [scenario.name, scenario] as const))(
    '%s: valid, finishes or deliberately stalls',
    (name, scenario) => {
      expect(scenarioSchema.safeParse(scenario).success).toBe(true)
      const last = scenario.events[scenario.events.length - 1]
      expect(last !== undefined && FINAL_STAGES.has(last.stage)).toBe(name !== 'stuck')
      // Nothing happens after the carrier stops tracking.
      scenario.events.slice(0, -1).forEach((event) => expect(FINAL_STAGES.has(event.stage)).toBe(false))
    },
  )

  it.each([
    ['locker-pickup', ['locker', 'delivered-locker']],
    ['failed-then-delivered', ['failed', 'redelivery', 'delivered-after-exception']],
    ['refused-returned', ['refused', 'returning', 'returned']],
    ['international-s10', ['customs-pending', 'customs-in-progress', 'customs-cleared']],
  ])('%s contains %j', (name, stages) => {
    const seen = scenarioByName(name)?.events.map((event) => event.stage)
    expect(seen).toEqual(expect.arrayContaining(stages))
  })

  it('refuses a text with an unmasked mobile number', () => {
    const bad = {
      ...scenarioByName('stuck'),
      events: [{ atMinute: 0, stage: 'picked-up', province: '江苏', city: '苏州市', text: '揽件员电话 13912345678' }],
    }
    expect(scenarioSchema.safeParse(bad).success).toBe(false)
  })

  it('refuses events out of time order', () => {
    const scenario = scenarioByName('stuck')!
    expect(scenarioSchema.safeParse({ ...scenario, events: [...scenario.events].reverse() }).success).toBe(false)
  })
})

describe('default scenario rule', () => {
  it.each([
    ['SF', false, 'sf-normal'],
    ['ZTO', false, 'zto-normal'],
    ['YTO', false, 'yto-normal'],
    ['STO', false, 'normal-delivery'],
    [undefined, false, 'normal-delivery'],
    ['EMS', true, 'international-s10'],
    ['SF', true, 'international-s10'],
  ])('%s (S10 %s) → %s', (carrier, isS10, expected) => {
    expect(defaultScenarioName(carrier, isS10)).toBe(expected)
  })
})

describe('stage tables', () => {
  it('give every stage codes for both vendors', () => {
    for (const stage of STAGES) {
      expect(KDNIAO_CODES[stage].state).toMatch(/^[0-6]$/)
      expect(KDNIAO_CODES[stage].action).toMatch(/^\d{1,3}$/)
      expect(KUAIDI100_CODES[stage].state).toMatch(/^\d{1,2}$/)
      expect(KUAIDI100_CODES[stage].statusCode).toMatch(/^\d{1,4}$/)
    }
  })

  it.each([
    ['picked-up', '1', '1', '1', '103'],
    ['arrived-dest-city', '2', '201', '0', '1001'],
    ['out-for-delivery', '2', '202', '5', '5'],
    ['locker', '2', '211', '5', '501'],
    ['delivered', '3', '301', '3', '301'],
    ['delivered-locker', '3', '311', '3', '304'],
    ['failed', '4', '405', '2', '204'],
    ['refused', '4', '404', '2', '203'],
    ['returning', '4', '407', '6', '6'],
    ['returned', '4', '406', '4', '4'],
    ['customs-cleared', '6', '603', '8', '12'],
  ] as const)('%s → Kdniao %s/%s, Kuaidi100 %s/%s', (stage, state, action, k100State, statusCode) => {
    expect(KDNIAO_CODES[stage]).toEqual({ state, action })
    expect(KUAIDI100_CODES[stage]).toMatchObject({ state: k100State, statusCode })
  })
})
