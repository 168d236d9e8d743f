import type { Scenario } from './scenario'

export const ztoNormal: Scenario = {
  name: 'zto-normal',
  description: '中通 Hangzhou → Shanghai, signed by the recipient',
  etaMinute: 1440,
  events: [
    { atMinute: 30, stage: 'picked-up', province: '浙江', city: '杭州市', text: '【杭州市】【杭州余杭】的赵师傅（138****2468）已揽收' },
    { atMinute: 180, stage: 'departed', province: '浙江', city: '杭州市', text: '【杭州市】快件离开【杭州余杭】已发往【杭州中转部】' },
    { atMinute: 360, stage: 'at-hub', province: '浙江', city: '杭州市', text: '【杭州市】快件已经到达【杭州中转部】' },
    { atMinute: 420, stage: 'in-transit', province: '浙江', city: '杭州市', text: '【杭州市】快件离开【杭州中转部】已发往【上海中转部】' },
    { atMinute: 900, stage: 'arrived-dest-city', province: '上海', city: '上海市', text: '【上海市】快件已经到达【上海中转部】' },
    { atMinute: 1080, stage: 'at-dest-station', province: '上海', city: '上海市', text: '【上海市】快件已经到达【上海浦东张江】' },
    {
      atMinute: 1140,
      stage: 'out-for-delivery',
      province: '上海',
      city: '上海市',
      text: '【上海市】【上海浦东张江】的钱师傅（139****1357）正在第1次派件，请保持电话畅通，并耐心等待',
    },
    {
      atMinute: 1320,
      stage: 'delivered',
      province: '上海',
      city: '上海市',
      text: '【上海市】快件已在【上海浦东张江】签收，签收人：本人，如有疑问请电联：139****1357',
    },
  ],
}
