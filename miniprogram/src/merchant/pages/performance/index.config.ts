export default definePageConfig({ navigationBarTitleText: '承运商表现', enablePullDownRefresh: true })
