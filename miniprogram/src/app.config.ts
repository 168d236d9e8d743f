export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '小店',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundTextStyle: 'dark',
  },
})
