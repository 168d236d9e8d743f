export default definePageConfig({ navigationBarTitleText: '小店', enablePullDownRefresh: true })
