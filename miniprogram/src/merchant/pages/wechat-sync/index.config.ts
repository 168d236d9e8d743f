export default definePageConfig({ navigationBarTitleText: '微信发货同步', enablePullDownRefresh: true })
