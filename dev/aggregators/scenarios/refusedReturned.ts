import type { Scenario } from './scenario'

export const refusedReturned: Scenario = {
  name: 'refused-returned',
  description: 'recipient refuses the parcel; it travels back and the sender signs for the return',
  events: [
    {
      atMinute: 25,
      stage: 'picked-up',
      province: '广东',
      city: '广州市',
      text: '您的快件被【广东省广州市天河区公司】揽收，揽收人：梁师傅（138****5566）',
    },
    {
      atMinute: 400,
      stage: 'in-transit',
      province: '广东',
      city: '广州市',
      text: '您的快件离开【广州转运中心】，准备发往【成都转运中心】',
    },
    { atMinute: 2200, stage: 'arrived-dest-city', province: '四川', city: '成都市', text: '您的快件已经到达【成都转运中心】' },
    {
      atMinute: 2560,
      stage: 'out-for-delivery',
      province: '四川',
      city: '成都市',
      text: '【四川省成都市锦江区公司】派件员：黄师傅 电话：139****7788 当前正在为您派件',
    },
    {
      atMinute: 2640,
      stage: 'refused',
      province: '四川',
      city: '成都市',
      text: '您的快件因收件人拒收，将退回寄件人，如有疑问请联系派件员：黄师傅（139****7788）',
    },
    {
      atMinute: 2880,
      stage: 'returning',
      province: '四川',
      city: '成都市',
      text: '您的退回件离开【成都转运中心】，准备发往【广州转运中心】',
    },
    { atMinute: 4500, stage: 'returned', province: '广东', city: '广州市', text: '您的退回件已由寄件人签收，感谢使用' },
  ],
}
