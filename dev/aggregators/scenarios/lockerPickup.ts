import type { Scenario } from './scenario'

export const lockerPickup: Scenario = {
  name: 'locker-pickup',
  description: 'delivered to a 驿站, collected by the recipient the next morning',
  etaMinute: 1440,
  events: [
    { atMinute: 30, stage: 'picked-up', province: '浙江', city: '杭州市', text: '【杭州市】【杭州滨江】的冯师傅（138****3690）已揽收' },
    { atMinute: 240, stage: 'at-hub', province: '浙江', city: '杭州市', text: '【杭州市】快件已经到达【杭州中转部】' },
    { atMinute: 300, stage: 'in-transit', province: '浙江', city: '杭州市', text: '【杭州市】快件离开【杭州中转部】已发往【北京中转部】' },
    { atMinute: 1200, stage: 'arrived-dest-city', province: '北京', city: '北京市', text: '【北京市】快件已经到达【北京中转部】' },
    {
      atMinute: 1380,
      stage: 'out-for-delivery',
      province: '北京',
      city: '北京市',
      text: '【北京市】【北京望京】的陈师傅（139****2580）正在第1次派件',
    },
    {
      atMinute: 1440,
      stage: 'locker',
      province: '北京',
      city: '北京市',
      text: '【北京市】您的快件已暂存至【望京花园东区驿站】，请凭取件码 8-3-1024 及时取件，营业时间 08:00-21:00',
    },
    {
      atMinute: 2280,
      stage: 'delivered-locker',
      province: '北京',
      city: '北京市',
      text: '【北京市】您的快件已从【望京花园东区驿站】取出，感谢使用驿站服务',
    },
  ],
}
