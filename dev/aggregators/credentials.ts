// Development credentials: fake values the local stack hands to the cloud functions
// (KDNIAO_EBUSINESS_ID, KDNIAO_APP_KEY, KUAIDI100_CUSTOMER, KUAIDI100_KEY, KUAIDI100_SALT).
// They are not accounts anywhere.

export const DEV_KDNIAO = {
  eBusinessId: '1900001',
  appKey: '5e1f0c2a-7d4b-4e3a-9b8c-000000190001',
} as const

export const DEV_KUAIDI100 = {
  customer: 'DEVCUSTOMER000000000000000000001',
  key: 'devKuaidi100Key01',
} as const

/** Kuaidi100's salt is chosen by the subscriber; this is the local stack's default. */
export const DEV_KUAIDI100_SALT = 'dev-salt-kuaidi100'

export const DEFAULT_SANDBOX_PORT = 8790
