export default definePageConfig({ navigationBarTitleText: '录入运单' })
