// The contract between the pages and the cloud functions: every function's input schema (validated
// at the function's edge) and result type, and the stored documents. Pages import types from here;
// functions import the schemas.
export * from './fields'
export * from './result'
export * from './documents'
export * from './shopper'
export * from './backfill'
export * from './merchant'
export * from './wechatSync'
export * from './pipeline'
export * from './assistant'
