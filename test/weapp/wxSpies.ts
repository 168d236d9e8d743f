// Platform APIs the pages call, as jest spies that answer like the base library (success callback
// plus resolved promise through Taro's wrapper). Installed before app.js loads: Taro binds wx APIs
// at startup.
type Options = { success?: (result: unknown) => void; complete?: (result: unknown) => void }

function answering(api: string, extra: Record<string, unknown> = {}) {
  return jest.fn((options: Options = {}) => {
    const result = { ...extra, errMsg: `${api}:ok` }
    options.success?.(result)
    options.complete?.(result)
  })
}

export function installWxSpies() {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  const spies = {
    setClipboardData: answering('setClipboardData'),
    makePhoneCall: answering('makePhoneCall'),
    showToast: answering('showToast'),
    stopPullDownRefresh: answering('stopPullDownRefresh'),
    navigateTo: answering('navigateTo'),
    redirectTo: answering('redirectTo'),
    switchTab: answering('switchTab'),
    // The object wx.chooseAddress gives, for a made-up receiver (DESIGN §5).
    chooseAddress: answering('chooseAddress', {
      userName: '测试收件人',
      telNumber: '13800005678',
      provinceName: '北京市',
      cityName: '北京市',
      countyName: '朝阳区',
      detailInfo: '望京街道 1 号',
      postalCode: '100102',
      nationalCode: '110105',
    }),
  }
  Object.assign(wx, spies)
  return spies
}
