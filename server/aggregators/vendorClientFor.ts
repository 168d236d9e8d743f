// The configured vendor's client (TRACKING_VENDOR, DESIGN §5). Kept apart from the contract in
// trackingVendor.ts so that the adapters, which implement the contract, do not import their chooser.
import type { PipelineConfig } from '../config'
import { postForm, type PostForm } from '../http/postForm'
import { kdniaoClient } from './kdniaoClient'
import { kuaidi100Client } from './kuaidi100Client'
import type { TrackingVendorClient } from './trackingVendor'

export function vendorClientFor(config: PipelineConfig, post: PostForm = postForm): TrackingVendorClient {
  if (config.vendor === 'kdniao' && config.kdniao) return kdniaoClient(config.kdniao, post)
  if (config.vendor === 'kuaidi100' && config.kuaidi100) return kuaidi100Client(config.kuaidi100, post)
  // loadPipelineConfig guarantees the selected vendor's section.
  throw new Error(`no configuration for the selected vendor ${config.vendor}`)
}
