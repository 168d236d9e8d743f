// SUBSCRIBE_TEMPLATES for the local stack: four logistics templates shaped like the public-library
// ones (订单发货通知, 快递派送通知, 订单签收通知, 物流异常通知; keyword kinds as in
// maps-eta-notify-mcp.md §4.2). Real ids and keyword numbers come from the MP admin when the templates
// are picked, and are set in the console; these ids exist only on the local cloud.
export const DEV_SUBSCRIBE_TEMPLATES = {
  miniprogramState: 'developer',
  lang: 'zh_CN',
  templates: [
    {
      event: 'shipped',
      templateId: 'dev-tmpl-shipped',
      title: '订单发货通知',
      keywords: { character_string1: 'trackingNo', name2: 'carrier', thing3: 'items', time4: 'time' },
    },
    {
      event: 'out_for_delivery',
      templateId: 'dev-tmpl-out-for-delivery',
      title: '快递派送通知',
      keywords: { character_string1: 'trackingNo', phrase2: 'status', thing3: 'note', time4: 'time' },
    },
    {
      event: 'delivered',
      templateId: 'dev-tmpl-delivered',
      title: '订单签收通知',
      keywords: { character_string1: 'trackingNo', phrase2: 'status', character_string3: 'pickupCode', time4: 'time' },
    },
    {
      event: 'exception',
      templateId: 'dev-tmpl-exception',
      title: '物流异常通知',
      keywords: { character_string1: 'trackingNo', phrase2: 'status', thing3: 'note', time4: 'time' },
    },
  ],
} as const
