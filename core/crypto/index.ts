export type { Digests } from './digests'
export { constantTimeEqual } from './constantTimeEqual'
