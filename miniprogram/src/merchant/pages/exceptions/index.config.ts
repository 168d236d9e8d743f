export default definePageConfig({ navigationBarTitleText: '异常包裹', enablePullDownRefresh: true })
