import { buildMessageData, orderPage, type MessageFacts, type NotifyTemplate } from './messageData'

const FACTS: MessageFacts = {
  orderId: 'ord-20250102-0001',
  trackingNo: 'SF1234567890123',
  carrierName: '顺丰速运',
  status: 'OUT_FOR_DELIVERY',
  at: Date.UTC(2025, 0, 2, 1, 30),
  note: '【北京望京营业部】快递员张师傅（电话13812345678）正在为您派送，请保持电话畅通',
  pickupCode: null,
  items: '帆布托特包×1',
  receiverPhone: '138****5678',
}
const TEMPLATE: NotifyTemplate = {
  event: 'out_for_delivery',
  templateId: 'tmpl-ofd',
  title: '快递派送通知',
  keywords: { character_string1: 'trackingNo', name2: 'carrier', phrase3: 'status', time4: 'time', thing5: 'note' },
}

test('every keyword is built for its kind, inside its limit, phones masked', () => {
  expect(buildMessageData(TEMPLATE, FACTS)).toEqual({
    ok: true,
    data: {
      character_string1: { value: 'SF1234567890123' },
      name2: { value: '顺丰速运' },
      phrase3: { value: '派送中' },
      time4: { value: '2025年1月2日 09:30' },
      thing5: { value: '【北京望京营业部】快递员张师傅（电话1…' },
    },
  })
  const built = buildMessageData(
    { ...TEMPLATE, keywords: { thing1: 'note', phone_number2: 'receiverPhone' } },
    { ...FACTS, note: '电话13812345678' },
  )
  expect(built).toEqual({ ok: true, data: { thing1: { value: '电话138****5678' }, phone_number2: { value: '138****5678' } } })
})

test('a keyword of unknown kind or a value that cannot fit is a data error', () => {
  expect(buildMessageData({ ...TEMPLATE, keywords: { remark1: 'note' } }, FACTS)).toMatchObject({
    ok: false,
    reason: expect.stringContaining('remark1'),
  })
  expect(buildMessageData({ ...TEMPLATE, keywords: { number1: 'carrier' } }, FACTS)).toMatchObject({
    ok: false,
    reason: expect.stringContaining('number1'),
  })
})

test('the deep link is the order tracking page', () => {
  expect(orderPage('ord-1')).toBe('pages/order/detail?id=ord-1')
})
