// The devcloud's emulator REST API (DESIGN §5) from outside its process: call a function as an
// openid, read a document. Lets the load tools drive a devcloud in a child process as easily as one
// in this process.
import { request } from './http'

export interface DevcloudRest {
  invoke<T>(name: string, data: Record<string, unknown>, openid?: string): Promise<T>
  /** The document, or null when there is none. */
  get<T>(collection: string, id: string): Promise<T | null>
}

export function devcloudRest(baseUrl: string): DevcloudRest {
  return {
    async invoke<T>(name: string, data: Record<string, unknown>, openid?: string): Promise<T> {
      const answer = await request(
        'POST',
        `${baseUrl}/devcloud/v1/functions/${encodeURIComponent(name)}`,
        JSON.stringify({ data, openid }),
        { 'content-type': 'application/json' },
      )
      if (answer.status !== 200) throw new Error(`${name} failed on the platform: HTTP ${answer.status} ${answer.body}`)
      return (JSON.parse(answer.body) as { result: T }).result
    },
    async get<T>(collection: string, id: string): Promise<T | null> {
      const answer = await request('GET', `${baseUrl}/devcloud/v1/db/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`)
      if (answer.status === 404) return null
      if (answer.status !== 200) throw new Error(`GET ${collection}/${id}: HTTP ${answer.status} ${answer.body}`)
      return JSON.parse(answer.body) as T
    },
  }
}
