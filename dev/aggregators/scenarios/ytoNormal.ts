import type { Scenario } from './scenario'

export const ytoNormal: Scenario = {
  name: 'yto-normal',
  description: '圆通 Guangzhou → Chengdu over two days, signed by the recipient',
  etaMinute: 2880,
  events: [
    {
      atMinute: 25,
      stage: 'picked-up',
      province: '广东',
      city: '广州市',
      text: '您的快件被【广东省广州市白云区公司】揽收，揽收人：孙师傅（138****9753）',
    },
    {
      atMinute: 200,
      stage: 'departed',
      province: '广东',
      city: '广州市',
      text: '您的快件离开【广东省广州市白云区公司】，准备发往【广州转运中心】',
    },
    { atMinute: 320, stage: 'at-hub', province: '广东', city: '广州市', text: '您的快件已经到达【广州转运中心】' },
    {
      atMinute: 400,
      stage: 'in-transit',
      province: '广东',
      city: '广州市',
      text: '您的快件离开【广州转运中心】，准备发往【成都转运中心】',
    },
    { atMinute: 2200, stage: 'arrived-dest-city', province: '四川', city: '成都市', text: '您的快件已经到达【成都转运中心】' },
    { atMinute: 2500, stage: 'at-dest-station', province: '四川', city: '成都市', text: '您的快件已经到达【四川省成都市武侯区公司】' },
    {
      atMinute: 2560,
      stage: 'out-for-delivery',
      province: '四川',
      city: '成都市',
      text: '【四川省成都市武侯区公司】派件员：周师傅 电话：139****8642 当前正在为您派件',
    },
    {
      atMinute: 2700,
      stage: 'delivered',
      province: '四川',
      city: '成都市',
      text: '您的快件已签收，签收人在【本人】签收。如有疑问请联系派件员：周师傅（139****8642）',
    },
  ],
}
