// The failures the emulator answers with, spelled as CloudBase spells them on the wire. The SDK maps
// `code` to an errCode through its TCB_ERR_CODE table (wx-server-sdk index.js, src/config/error.config.ts);
// a code missing from that table surfaces as -501001, so only codes from that table (or realtime codes) are used.

export const CLOUD_ERROR_CODES = [
  'INVALID_PARAM', // -501007: unknown action, malformed parameters
  'INVALIID_ENV', // -501005 (sic, the platform's spelling): env id outside dev-/test-
  'SYS_ERR', // -501001
  'DATABASE_REQUEST_FAILED', // -502001: malformed EJSON, duplicate _id, bad update, injected write faults
  'DATABASE_PERMISSION_DENIED', // -502003
  'DATABASE_COLLECTION_NOT_EXIST', // -502005
  'DATABASE_TRANSACTION_CONFLICT', // keeps its code through runTransaction, which retries on it
  'FUNCTIONS_REQUEST_FAIL', // -504001: no such function, host unavailable
  'FUNCTIONS_EXECUTE_FAIL', // -504002: the function threw, timed out or returned too much
] as const

export type CloudErrorCode = (typeof CLOUD_ERROR_CODES)[number]

/** errCode as wx-server-sdk reports each code (TCB_ERR_CODE). */
export const ERR_CODE_OF: Record<CloudErrorCode, number> = {
  INVALID_PARAM: -501007,
  INVALIID_ENV: -501005,
  SYS_ERR: -501001,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  DATABASE_TRANSACTION_CONFLICT: -501001,
  FUNCTIONS_REQUEST_FAIL: -504001,
  FUNCTIONS_EXECUTE_FAIL: -504002,
}

export interface CloudFailure {
  ok: false
  code: CloudErrorCode
  message: string
  /** Set when the mini-program side reports a more specific errCode than `code` maps to (e.g. -604001). */
  errCode?: number
}

export type CloudResult<T> = { ok: true; value: T } | CloudFailure

export function fail(code: CloudErrorCode, message: string, errCode?: number): CloudFailure {
  return errCode === undefined ? { ok: false, code, message } : { ok: false, code, message, errCode }
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

/** The platform wording for a missing collection (CloudBase answers "Db or Table not exist"). */
export function collectionMissing(collection: string): CloudFailure {
  return fail('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${collection}`)
}
