export default definePageConfig({ navigationBarTitleText: '待发货', enablePullDownRefresh: true })
