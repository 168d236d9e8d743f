// Kdniao (快递鸟) wire protocol, no I/O. Typical use:
//   const req = buildKdniaoSubscribe({ carrier: 'SF', trackingNo, phoneTail }, credentials)   // → POST base + req.request.path
//   const push = readKdniaoPush(rawBody, appKey)        // in the push receiver, before anything else
//   for (const waybill of push.push.waybills) if (waybill.ok) mergeSnapshot(state, waybill.snapshot)
//   kdniaoPushAck(eBusinessId, now)
export { kdniaoDataSign } from './kdniaoDataSign'
export {
  buildKdniaoInstantQuery,
  buildKdniaoSubscribe,
  buildKdniaoRecognition,
  buildKdniaoRequest,
  KDNIAO_PATHS,
  type KdniaoCredentials,
  type KdniaoQueryParams,
  type KdniaoSubscribeParams,
  type KdniaoRequestResult,
  type KdniaoQueryType,
  type KdniaoSubscribeType,
} from './kdniaoRequests'
export {
  parseKdniaoQueryResponse,
  parseKdniaoSubscribeResponse,
  parseKdniaoRecognitionResponse,
  type KdniaoSubscribeResult,
  type KdniaoRecognitionResult,
} from './kdniaoResponses'
export type { MalformedResponse } from '../vendorWire'
export {
  verifyKdniaoPush,
  parseKdniaoPush,
  readKdniaoPush,
  kdniaoPushAck,
  kdniaoPushFailureAck,
  KDNIAO_TRACKING_PUSH_TYPES,
  type KdniaoPush,
  type KdniaoPushVerification,
  type KdniaoPushParse,
  type KdniaoPushRead,
} from './kdniaoPush'
export { kdniaoSnapshot } from './kdniaoSnapshot'
export { classifyKdniaoFailure, KDNIAO_FAILURE_RULES, type KdniaoFailure, type KdniaoFailureReason } from './kdniaoFailures'
export {
  kdniaoWaybillSchema,
  kdniaoPushSchema,
  kdniaoTraceSchema,
  kdniaoSubscribeResponseSchema,
  kdniaoRecognitionResponseSchema,
  type KdniaoWaybill,
} from './kdniaoSchemas'
