// Tab pages must be in the main package; the tab bar is custom so that the 商家 tab can appear for
// merchants only (reference/wechat.md §8, components/tab-bar/tabs.ts). The merchant console is the
// `merchant` subpackage, so shoppers never download it (DESIGN §3.6).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/orders/index', 'pages/order/detail', 'pages/product/detail', 'pages/checkout/index'],
  window: {
    navigationBarTitleText: '小店',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
  },
  subPackages: [
    {
      root: 'merchant',
      pages: [
        'pages/index/index',
        'pages/to-ship/index',
        'pages/ship/index',
        'pages/batch/index',
        'pages/exceptions/index',
        'pages/performance/index',
        'pages/wechat-sync/index',
      ],
    },
  ],
  tabBar: {
    custom: true,
    color: '#8a8a8a',
    selectedColor: '#ff4d2d',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '商城' },
      { pagePath: 'pages/orders/index', text: '我的订单' },
    ],
  },
})
