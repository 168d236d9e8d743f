// What the vendor adapters share. Each vendor's protocol is in ./kdniao and ./kuaidi100.
export { pushInboxKey } from './pushInboxKey'
export { encodeForm, encodeFormComponent, parseFormBody, type ParsedForm } from './formBody'
export {
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  type VendorRequest,
  type VendorAck,
  type SignatureCheck,
  type TraceIssue,
  type WaybillSnapshotResult,
} from './vendorWire'
