// Kuaidi100 (快递100) wire protocol, no I/O. Typical use:
//   const req = buildKuaidi100Subscribe({ carrier: 'SF', trackingNo, phoneTail, callbackUrl, salt }, { key })
//   const push = readKuaidi100Push(rawBody, salt)       // in the push receiver, before anything else
//   if (push.ok && push.push.waybill.ok) mergeSnapshot(state, push.push.waybill.snapshot)
//   kuaidi100PushAck()
export { kuaidi100QuerySign, kuaidi100CallbackSign } from './kuaidi100Sign'
export {
  buildKuaidi100Query,
  buildKuaidi100Subscribe,
  buildKuaidi100AutoNumber,
  KUAIDI100_PATHS,
  DEFAULT_RESULTV2,
  type Kuaidi100Credentials,
  type Kuaidi100QueryParams,
  type Kuaidi100SubscribeParams,
  type Kuaidi100RequestResult,
} from './kuaidi100Requests'
export {
  parseKuaidi100QueryResponse,
  parseKuaidi100SubscribeResponse,
  parseKuaidi100AutoNumberResponse,
  type Kuaidi100SubscribeResult,
  type Kuaidi100AutoNumberResult,
  type Kuaidi100Failure,
} from './kuaidi100Responses'
export type { MalformedResponse } from '../vendorWire'
export {
  verifyKuaidi100Push,
  parseKuaidi100Push,
  readKuaidi100Push,
  kuaidi100PushAck,
  kuaidi100PushFailureAck,
  type Kuaidi100Push,
  type Kuaidi100PushVerification,
  type Kuaidi100PushParse,
  type Kuaidi100PushRead,
  type CarrierCorrection,
} from './kuaidi100Push'
export { kuaidi100Snapshot, type Kuaidi100SnapshotOptions } from './kuaidi100Snapshot'
export {
  KUAIDI100_QUERY_RETURN_CODES,
  KUAIDI100_SUBSCRIBE_RETURN_CODES,
  type Kuaidi100QueryFailureReason,
  type Kuaidi100SubscribeFailureReason,
} from './kuaidi100ReturnCodes'
export {
  kuaidi100ResultSchema,
  kuaidi100PushParamSchema,
  kuaidi100TraceSchema,
  kuaidi100AutoNumberSchema,
  kuaidi100FailureSchema,
} from './kuaidi100Schemas'
