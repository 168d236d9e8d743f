export default definePageConfig({
  navigationBarTitleText: '物流详情',
  enablePullDownRefresh: true,
  backgroundColor: '#f5f5f5',
})
