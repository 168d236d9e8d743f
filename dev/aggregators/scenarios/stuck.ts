import type { Scenario } from './scenario'

export const stuck: Scenario = {
  name: 'stuck',
  description: 'leaves the origin hub and then nothing for days (Kuaidi100 aborts with 60天无变化 after 60 days)',
  events: [
    { atMinute: 30, stage: 'picked-up', province: '江苏', city: '苏州市', text: '【苏州市】【苏州工业园区】的许师傅（137****9900）已揽收' },
    { atMinute: 240, stage: 'departed', province: '江苏', city: '苏州市', text: '【苏州市】快件离开【苏州工业园区】已发往【苏州中转部】' },
    { atMinute: 360, stage: 'at-hub', province: '江苏', city: '苏州市', text: '【苏州市】快件已经到达【苏州中转部】' },
    {
      atMinute: 480,
      stage: 'in-transit',
      province: '江苏',
      city: '苏州市',
      text: '【苏州市】快件离开【苏州中转部】已发往【乌鲁木齐中转部】',
    },
  ],
}
