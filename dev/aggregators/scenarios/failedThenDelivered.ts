import type { Scenario } from './scenario'

export const failedThenDelivered: Scenario = {
  name: 'failed-then-delivered',
  description: 'first delivery attempt fails (no answer), redelivered and signed the next day',
  etaMinute: 1440,
  events: [
    { atMinute: 30, stage: 'picked-up', province: '广东', city: '深圳市', text: '【深圳市】【深圳福田】的林师傅（138****1122）已揽收' },
    { atMinute: 300, stage: 'in-transit', province: '广东', city: '深圳市', text: '【深圳市】快件离开【深圳中心】已发往【上海中转部】' },
    { atMinute: 1200, stage: 'arrived-dest-city', province: '上海', city: '上海市', text: '【上海市】快件已经到达【上海中转部】' },
    {
      atMinute: 1380,
      stage: 'out-for-delivery',
      province: '上海',
      city: '上海市',
      text: '【上海市】【上海徐汇】的何师傅（139****3344）正在第1次派件',
    },
    {
      atMinute: 1500,
      stage: 'failed',
      province: '上海',
      city: '上海市',
      text: '【上海市】快件派送不成功（收件人电话无人接听），待再次派送，如有疑问请电联：139****3344',
    },
    {
      atMinute: 2820,
      stage: 'redelivery',
      province: '上海',
      city: '上海市',
      text: '【上海市】【上海徐汇】的何师傅（139****3344）正在第2次派件',
    },
    {
      atMinute: 2940,
      stage: 'delivered-after-exception',
      province: '上海',
      city: '上海市',
      text: '【上海市】快件已签收，签收人：本人，感谢使用',
    },
  ],
}
