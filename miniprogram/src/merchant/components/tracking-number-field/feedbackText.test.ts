import { numberFeedback } from '../../backfill/numberFeedback'
import { feedbackLines } from './feedbackText'

const lines = (input: string, picked: 'SF' | 'ZTO' | 'EMS' | null = null) => feedbackLines(numberFeedback({ input, picked, phoneTail: '' }))

describe('feedbackLines', () => {
  it.each([
    ['', null, []],
    ['SF14', null, [{ tone: 'muted', text: '单号至少 6 位' }]],
    ['SF14#00000', null, [{ tone: 'danger', text: '单号只能包含字母和数字' }]],
    ['EA123456784CN', null, [{ tone: 'danger', text: '单号校验位不正确，请核对是否输错' }]],
    ['SF1400000000771', null, [{ tone: 'success', text: '已识别：顺丰速运' }]],
    ['12345678', null, [{ tone: 'warning', text: '可能是 德邦快递，请确认' }]],
    ['123456789012', null, [{ tone: 'warning', text: '这个单号可能属于多家快递，请选择：' }]],
    ['XX99999999', null, [{ tone: 'warning', text: '未能识别快递公司，请选择：' }]],
    ['123456789012', 'SF', [{ tone: 'success', text: '已选择：顺丰速运' }]],
    [
      'YT1400000000772',
      'ZTO',
      [
        { tone: 'success', text: '已选择：中通快递' },
        { tone: 'warning', text: '单号格式更像 圆通速递，确认是 中通快递 吗？' },
      ],
    ],
    [
      'EA123456784CN',
      'EMS',
      [
        { tone: 'success', text: '已选择：EMS' },
        { tone: 'warning', text: '单号校验位不正确，请核对是否输错' },
      ],
    ],
  ] as const)('%p picked %p', (input, picked, expected) => {
    expect(lines(input, picked)).toEqual(expected)
  })
})
