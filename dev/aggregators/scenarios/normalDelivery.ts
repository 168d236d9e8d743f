import type { Scenario } from './scenario'

export const normalDelivery: Scenario = {
  name: 'normal-delivery',
  description: 'carrier-neutral Nanjing → Wuhan delivery, the default for carriers without their own story',
  etaMinute: 2160,
  events: [
    {
      atMinute: 30,
      stage: 'picked-up',
      province: '江苏',
      city: '南京市',
      text: '【南京市】【江宁区营业部】已揽收，揽件员：吴师傅（137****4321）',
    },
    {
      atMinute: 240,
      stage: 'departed',
      province: '江苏',
      city: '南京市',
      text: '【南京市】快件已离开【江宁区营业部】，发往【南京分拨中心】',
    },
    { atMinute: 360, stage: 'at-hub', province: '江苏', city: '南京市', text: '【南京市】快件已到达【南京分拨中心】' },
    {
      atMinute: 480,
      stage: 'in-transit',
      province: '江苏',
      city: '南京市',
      text: '【南京市】快件已离开【南京分拨中心】，发往【武汉分拨中心】',
    },
    { atMinute: 1500, stage: 'arrived-dest-city', province: '湖北', city: '武汉市', text: '【武汉市】快件已到达【武汉分拨中心】' },
    { atMinute: 1800, stage: 'at-dest-station', province: '湖北', city: '武汉市', text: '【武汉市】快件已到达【洪山区光谷营业部】' },
    {
      atMinute: 1860,
      stage: 'out-for-delivery',
      province: '湖北',
      city: '武汉市',
      text: '【武汉市】【洪山区光谷营业部】派件员郑师傅（136****8765）正在派件',
    },
    { atMinute: 2040, stage: 'delivered', province: '湖北', city: '武汉市', text: '【武汉市】快件已签收，签收人：本人，感谢使用' },
  ],
}
