import type { Scenario } from './scenario'

export const sfNormal: Scenario = {
  name: 'sf-normal',
  description: '顺丰 next-day delivery, Shenzhen → Beijing, signed by the recipient',
  etaMinute: 1800,
  events: [
    {
      atMinute: 20,
      stage: 'picked-up',
      province: '广东',
      city: '深圳市',
      text: '【深圳市】顺丰速运 已收取快件，收件员：王师傅（电话：138****1234）',
    },
    {
      atMinute: 120,
      stage: 'departed',
      province: '广东',
      city: '深圳市',
      text: '【深圳市】快件已从【深圳南山科技园营业点】发出，准备发往【深圳华南陆运枢纽】',
    },
    { atMinute: 300, stage: 'at-hub', province: '广东', city: '深圳市', text: '【深圳市】快件到达【深圳华南陆运枢纽】' },
    {
      atMinute: 420,
      stage: 'in-transit',
      province: '广东',
      city: '深圳市',
      text: '【深圳市】快件已从【深圳华南陆运枢纽】发出，准备发往【北京顺义集散中心】',
    },
    { atMinute: 1260, stage: 'arrived-dest-city', province: '北京', city: '北京市', text: '【北京市】快件到达【北京顺义集散中心】' },
    { atMinute: 1500, stage: 'at-dest-station', province: '北京', city: '北京市', text: '【北京市】快件已到达【北京朝阳望京营业点】' },
    {
      atMinute: 1560,
      stage: 'out-for-delivery',
      province: '北京',
      city: '北京市',
      text: '【北京市】快件交给李师傅，正在派送途中（联系电话：139****5678，顺丰已开启“安全呼叫”保护您的电话隐私，请放心接听！）',
    },
    {
      atMinute: 1680,
      stage: 'delivered',
      province: '北京',
      city: '北京市',
      text: '【北京市】快件已签收，签收人：本人。如有疑问请电联快递员：李师傅【139****5678】，感谢您使用顺丰，期待再次为您服务',
    },
  ],
}
