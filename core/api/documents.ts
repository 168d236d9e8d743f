// The documents in the cloud database (DESIGN §4). Times are epoch-ms numbers, never Dates: realtime
// `watch` snapshots JSON-parse documents, and how Dates look there is UNVERIFIED (wechat.md §2.1).
import type { CarrierCode } from '../carriers'
import type { ParcelEta } from '../eta/parcelEta'
import type { ParcelRoute, RoutePoint } from '../geo/route'
import type { ParcelNotify } from '../notify/notifyEvents'
import type { ParcelTracking, SubStatus, UnifiedStatus } from '../tracking'

export interface ProductDoc {
  _id: string
  title: string
  description: string
  priceFen: number
  image: string
  stock: number
  createdAt: number
}

export interface OrderItem {
  productId: string
  title: string
  priceFen: number
  quantity: number
  image: string
}

/** The receiver as `wx.chooseAddress` gave it, phone masked (`138****1234`): the last 4 digits stay
 * clear because SF and 丰网 queries need them as the phone tail. */
export interface MaskedAddress {
  userName: string
  telMasked: string
  provinceName: string
  cityName: string
  countyName: string
  detailInfo: string
  postalCode: string | null
}

export const ORDER_STATUSES = ['PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export interface ParcelSummary {
  parcelId: string
  /** 1-based position among the order's parcels: 包裹1, 包裹2 … (kept when a parcel is superseded). */
  seq: number
  carrier: CarrierCode
  trackingNo: string
  status: UnifiedStatus
  subStatus: SubStatus | null
  lastEvent: { at: number; text: string; location?: string } | null
  /** Replaced by a corrected number or carrier; kept for history, not shown as active. */
  superseded: boolean
  /** Which order items travel in this parcel; empty or absent when the merchant did not say. */
  items?: ParcelItem[]
  /** The parcel's `version` this summary was built from: an older one never replaces a newer one
   * (the merge path writes the order after the parcel, without a transaction). Absent on old orders. */
  version?: number
}

export interface OrderDoc {
  _id: string
  /** The shopper; the security rule `doc._openid == auth.openid` reads this. */
  _openid: string
  items: OrderItem[]
  totalFen: number
  address: MaskedAddress
  status: OrderStatus
  payment: { provider: 'simulated' | 'wechatpay'; transactionId: string; paidAt: number }
  parcels: ParcelSummary[]
  createdAt: number
  updatedAt: number
  shippedAt: number | null
  deliveredAt: number | null
  /** Counts every change of `parcels` (orderWithParcels): the merge path's guard that no other writer
   * changed the summaries between its read and its write. Absent on orders never summarised. */
  summaryRevision?: number
  /** WeChat 发货信息管理 (server/shipping); absent until the first backfill. */
  shippingSync?: ShippingSync
  /** The address city, geocoded once by createOrder (core/geo); null when the gazetteer does not know it. */
  destinationCity?: (RoutePoint & { code: string }) | null
}

export const SHIPPING_SYNC_STATES = ['unsynced', 'pending', 'synced', 'failed'] as const
export type ShippingSyncState = (typeof SHIPPING_SYNC_STATES)[number]

/** The order's shipping information as WeChat knows it: each payment takes one upload and one update. */
export interface ShippingSync {
  state: ShippingSyncState
  /** Uploads WeChat accepted for this payment (0, 1, 2). */
  uploads: number
  attempts: number
  nextAttemptAt: number | null
  /** Why the last attempt failed, in the merchant's words; null when it did not. */
  lastError: string | null
  syncedAt: number | null
  /** The parcel ids of the accepted upload: a backfill that leaves them as they are needs no update. */
  uploadedParcels: string[]
  /** 确认收货提醒, once per order when every parcel is delivered. */
  confirmReminder: 'none' | 'sent' | 'failed'
}

export const SUBSCRIPTION_STATES = ['pending', 'subscribed', 'stopped', 'failed'] as const
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number]
export type TrackingVendor = 'kdniao' | 'kuaidi100'

export interface ParcelSubscription {
  vendor: TrackingVendor
  state: SubscriptionState
  attempts: number
  /** When the outbox should try (again); null when nothing is due. */
  nextAttemptAt: number | null
  lastError: string | null
  subscribedAt: number | null
  /** Re-subscriptions after a Kuaidi100 `abort` "3天查询无记录"; bounded (4 subscriptions per number per month, aggregators.md §2.4). */
  resubscriptions?: number
}

export interface ParcelItem {
  productId: string
  title: string
  quantity: number
}

/** `events` (newest first, capped), `signals`, `eta`, `status`, `subStatus`, `terminal`,
 * `lastEventAt` come from core/tracking's ParcelTracking and are only ever written by its merge. */
export interface ParcelDoc extends ParcelTracking {
  _id: string
  _openid: string
  orderId: string
  seq: number
  carrier: CarrierCode
  trackingNo: string
  phoneTail: string | null
  /** Which order items travel in this parcel; empty when the merchant did not say. */
  items: ParcelItem[]
  destination: { province: string; city: string }
  subscription: ParcelSubscription
  supersededBy: string | null
  /** Last time we heard from the vendor about this parcel (push, poll or refresh). */
  lastCheckedAt: number | null
  lastPushAt: number | null
  /** Instant-query bookkeeping: Kuaidi100 locks a number queried 48 times in 24 h (aggregators.md §2.8). */
  polling: {
    windowStartedAt: number | null
    queriesInWindow: number
    lastRefreshAt: number | null
    /** Last instant query of any kind (poll, shopper refresh, merchant refresh). */
    lastQueryAt?: number | null
  }
  shippedAt: number
  deliveredAt: number | null
  createdAt: number
  updatedAt: number
  version: number
  /** What the merchant console's statistics group by, rewritten with every merge of the tracking;
   * absent on a parcel no merge has touched yet (no scans: not delivered, never in trouble). */
  stats?: ParcelStats
  /** Subscribe-message events derived at merge (core/notify); absent before the first one. */
  notify?: ParcelNotify
  /** Derived at merge (core/geo/deriveRoute); absent before the first merge. */
  route?: ParcelRoute | null
  /** Our estimate, derived at merge (core/eta); the vendor's own is `vendorEta`. */
  eta?: ParcelEta | null
}

/** A parcel's contribution to delivery statistics (core/orders/deliveryHistogram.ts). */
export interface ParcelStats {
  /** Delivery time in whole hours; null unless delivered. */
  deliveryBucket: number | null
  /** 1 when ever in EXCEPTION, DELIVERY_FAILED, RETURNING or RETURNED: a number, so an aggregation sums it. */
  troubled: 0 | 1
}

export interface MerchantDoc {
  /** The merchant's openid. */
  _id: string
  name: string
  role: 'owner' | 'staff'
}

export const PUSH_OUTCOMES = ['received', 'applied', 'unknown_parcel', 'failed'] as const
export type PushOutcome = (typeof PUSH_OUTCOMES)[number]

export interface PushInboxDoc {
  /** sha256(vendor + raw body): a re-sent push is the same row. */
  _id: string
  vendor: TrackingVendor
  /** The raw body when it fits in this row; null when it is kept in `bodyParts` pushInboxParts rows. */
  rawBody: string | null
  bodyParts: number
  receivedAt: number
  outcome: PushOutcome
  parcelIds: string[]
  lastError: string | null
  attempts: number
}

/** One slice of a push body too large for its inbox row (a Kdniao batch of 100 waybills is ~1.3 MB). */
export interface PushInboxPartDoc {
  /** `<inbox id>.<index>` */
  _id: string
  inboxId: string
  index: number
  text: string
}
