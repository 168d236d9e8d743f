// Running the real wx-server-sdk directly in a test process, with the environment SCF gives a
// function (reference/cloud-emulation.md §1.2), pointed at a devcloud. Inside the emulator's function
// host these come per invocation; here they are set on the process for the test file.
const KEYS = [
  'TCB_CONTEXT_CNFG',
  'SCF_NAMESPACE',
  'TENCENTCLOUD_RUNENV',
  'TENCENTCLOUD_REGION',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_API_TOKEN',
  'TCB_SOURCE',
  'TCB_CONTEXT_KEYS',
] as const

export interface ScfEnvOptions {
  openid?: string
  adminUrl?: string
}

/** Sets the SCF variables for `url` (a devcloud, or a recorder in front of one); returns the restore function. */
export function useScfEnv(url: string, envId: string, options: ScfEnvOptions = {}): () => void {
  const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]))
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: options.adminUrl ?? `${url}/admin` }),
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'AKIDtestFAKE',
    TENCENTCLOUD_SECRETKEY: 'test-fake-secret',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: options.openid ?? 'o-test-direct',
    WX_APPID: 'wx0000000000000000',
    TCB_SOURCE: 'wx_client',
    TCB_CONTEXT_KEYS: 'TCB_SOURCE',
  })
  return () => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}
