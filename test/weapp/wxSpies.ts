// Platform APIs the pages call, as jest spies that answer like the base library (success callback
// plus resolved promise through Taro's wrapper). Installed before app.js loads: Taro binds wx APIs
// at startup.
type Options = { success?: (result: unknown) => void; complete?: (result: unknown) => void }

function answering(api: string) {
  return jest.fn((options: Options = {}) => {
    const result = { errMsg: `${api}:ok` }
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
  }
  Object.assign(wx, spies)
  return spies
}
