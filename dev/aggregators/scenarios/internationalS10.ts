import type { Scenario } from './scenario'

export const internationalS10: Scenario = {
  name: 'international-s10',
  description: 'inbound EMS (UPU S10 number) from Japan through Shanghai customs to the recipient',
  etaMinute: 10080,
  events: [
    { atMinute: 60, stage: 'picked-up', province: '日本', city: '东京', text: '【东京】邮件已收寄（Posting/Collection）' },
    {
      atMinute: 600,
      stage: 'departed',
      province: '日本',
      city: '东京',
      text: '【东京】邮件离开国际互换局，发往中国（Departure from outward office of exchange）',
    },
    {
      atMinute: 2160,
      stage: 'customs-pending',
      province: '上海',
      city: '上海市',
      text: '【上海市】邮件到达【上海国际邮件互换局】，待海关查验',
    },
    { atMinute: 3600, stage: 'customs-in-progress', province: '上海', city: '上海市', text: '【上海市】海关查验中' },
    {
      atMinute: 5040,
      stage: 'customs-cleared',
      province: '上海',
      city: '上海市',
      text: '【上海市】海关已放行，邮件离开【上海国际邮件互换局】，发往【杭州邮区中心局】',
    },
    { atMinute: 6000, stage: 'arrived-dest-city', province: '浙江', city: '杭州市', text: '【杭州市】邮件到达【杭州邮区中心局】' },
    {
      atMinute: 7200,
      stage: 'out-for-delivery',
      province: '浙江',
      city: '杭州市',
      text: '【杭州市】【西湖区文三路揽投部】投递员：蒋师傅（电话：139****4455）正在投递',
    },
    { atMinute: 7380, stage: 'delivered', province: '浙江', city: '杭州市', text: '【杭州市】邮件已妥投，签收人：本人' },
  ],
}
