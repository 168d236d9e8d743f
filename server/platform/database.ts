// The part of wx-server-sdk's database that server/ uses, typed narrowly (the SDK's own typings
// answer `Promise<…> | void | string`). Cloud functions open it with `openDatabase(cloud)`; nothing in
// server/ imports the SDK, so use cases stay testable.
export type Doc = Record<string, unknown>

/** Query and update operators are opaque values to us: built by the command, placed in conditions. */
export type Operator = unknown

export interface DbCommand {
  eq(value: unknown): Operator
  neq(value: unknown): Operator
  lt(value: unknown): Operator
  lte(value: unknown): Operator
  gt(value: unknown): Operator
  gte(value: unknown): Operator
  in(values: unknown[]): Operator
  or(conditions: Doc[]): Operator & { and(condition: Doc): Operator }
  and(conditions: Array<Doc | Operator>): Operator
  /** Replace a sub-object as a whole instead of merging it field by field (reference/wechat.md §2.1). */
  set(value: unknown): Operator
  inc(by: number): Operator
  /** Aggregation expressions (`$.sum(1)` is `{ $sum: 1 }`). */
  aggregate: { sum(value: unknown): Operator; push(value: unknown): Operator }
}

/** `collection.aggregate()` (reference/wechat.md §2.1): the stages we use, then `end()` → `{ list }`. */
export interface DbAggregate {
  match(condition: Doc): DbAggregate
  group(spec: Doc): DbAggregate
  sort(spec: Record<string, 1 | -1>): DbAggregate
  limit(max: number): DbAggregate
  end(): Promise<{ list: Doc[] }>
}

export interface DbQuery {
  where(condition: Doc | Operator): DbQuery
  orderBy(field: string, order: 'asc' | 'desc'): DbQuery
  limit(max: number): DbQuery
  get(): Promise<{ data: Doc[] }>
  update(options: { data: Doc }): Promise<{ stats: { updated: number } }>
  /** Deletes every matching document (server side; reference/wechat.md §2.1). */
  remove(): Promise<{ stats: { removed: number } }>
  count(): Promise<{ total: number }>
}

export interface DbDocument {
  get(): Promise<{ data: Doc | null }>
  /** Replaces the whole document (upsert); `data` must not carry `_id`. */
  set(options: { data: Doc }): Promise<unknown>
  update(options: { data: Doc }): Promise<{ stats: { updated: number } }>
}

export interface DbCollection extends DbQuery {
  doc(id: string): DbDocument
  aggregate(): DbAggregate
}

/** Inside a transaction only single-document operations exist (reference/wechat.md §2.2). */
export interface DbTransaction {
  collection(name: string): { doc(id: string): DbDocument }
}

export interface Database {
  command: DbCommand
  /** `db.RegExp({ regexp, options })`: a regular-expression condition (reference/wechat.md §2.1). */
  RegExp(spec: { regexp: string; options?: string }): Operator
  collection(name: string): DbCollection
  /** Retries the callback only on a transaction conflict, `retries` times. */
  runTransaction<T>(run: (tx: DbTransaction) => Promise<T>, retries?: number): Promise<T>
}

/** wx-server-sdk's typings omit `throwOnNotFound` (a real option since 1.7.0, reference/wechat.md §2.1). */
type WxDatabaseFactory = (config: { throwOnNotFound: boolean }) => unknown

/** The function's database; a missing document reads as `{ data: null }` instead of rejecting. */
export function openDatabase(sdk: { database: (...args: never[]) => unknown }): Database {
  return (sdk.database as WxDatabaseFactory)({ throwOnNotFound: false }) as Database
}

/** wx-server-sdk declares DYNAMIC_CURRENT_ENV a symbol but types `init({ env })` as a string; the SDK
 * resolves the symbol to the env the function runs in (reference/wechat.md §1.2). */
export function dynamicCurrentEnv(sdk: { DYNAMIC_CURRENT_ENV: symbol }): string {
  return sdk.DYNAMIC_CURRENT_ENV as unknown as string
}

export const COLLECTIONS = {
  products: 'products',
  orders: 'orders',
  parcels: 'parcels',
  pushInbox: 'pushInbox',
  pushInboxParts: 'pushInboxParts',
  merchants: 'merchants',
  notifications: 'notifications',
  notifyCredits: 'notifyCredits',
  laneStats: 'laneStats',
} as const

/** The SDK rejects `_id` inside `set` data: the id is the document reference. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc
  return rest
}

/** Conflicts are retried by the SDK; enough rounds for a burst of concurrent writers on one document
 * (every round commits at least one of them under optimistic concurrency). */
export const TRANSACTION_RETRIES = 30
