// Who the H5 build acts as. In WeChat the platform knows the user; the H5 build talks to the local
// cloud, which takes the caller's openid from the page, so `?as=<openid>` (DESIGN §5) picks it and it
// sticks for the tab session as the shopper navigates.
import { DEFAULT_DEV_OPENID, isDevOpenid } from './devIdentities'

const STORAGE_KEY = 'devcloud.openid'

function asParameter(location: { search: string; hash: string }): string | null {
  // Hash routing puts the page query after `#/path?`; a plain `?as=` before the hash works too.
  const hashQuery = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?') + 1) : ''
  for (const query of [hashQuery, location.search.replace(/^\?/, '')]) {
    const value = new URLSearchParams(query).get('as')
    if (isDevOpenid(value)) return value
  }
  return null
}

export function devIdentity(location: { search: string; hash: string }, storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  const chosen = asParameter(location)
  if (chosen) {
    storage.setItem(STORAGE_KEY, chosen)
    return chosen
  }
  const remembered = storage.getItem(STORAGE_KEY)
  return isDevOpenid(remembered) ? remembered : DEFAULT_DEV_OPENID
}
