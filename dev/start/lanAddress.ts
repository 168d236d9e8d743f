// For 真机调试: the address a phone on the same network reaches this machine by, and the line
// `npm start` prints about it (issue 17). The local cloud listens on loopback unless
// DEVCLOUD_HOST=0.0.0.0 asks for every interface: it trusts the caller's x-devcloud-openid, so
// opening it to the LAN is a choice, not a default.
import { networkInterfaces } from 'node:os'

export function lanAddress(interfaces = networkInterfaces()): string | null {
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address
  }
  return null
}

export function devcloudHostFrom(value: string | undefined): string {
  const host = value ?? '127.0.0.1'
  if (!/^(\d{1,3}\.){3}\d{1,3}$|^localhost$/.test(host))
    throw new Error(`DEVCLOUD_HOST must be an IPv4 address such as 0.0.0.0, not "${host}"`)
  return host
}

/** The rows `npm start` prints for the mini-program built against this local cloud. */
export function weappRows(host: string, port: number, lan: string | null): Array<[string, string]> {
  const rows: Array<[string, string]> = [['WeChat DevTools (no account)', 'npm run build:weapp:local, then open the repo root']]
  if (host !== '0.0.0.0') rows.push(['Phone (真机调试)', 'DEVCLOUD_HOST=0.0.0.0 npm start to reach the local cloud from the LAN'])
  else if (lan) rows.push(['Phone (真机调试)', `LOCAL_CLOUD_URL=http://${lan}:${port} npm run build:weapp:local`])
  else rows.push(['Phone (真机调试)', 'no LAN address found on this machine'])
  return rows
}
