// The shopper's cloud functions, typed by core/api (DESIGN §5). Results are values: an expected
// failure is `{ ok: false, reason }`; a rejected promise means the platform itself failed the call
// (network, function crash), which pages show as "try again".
import type {
  AddressInput,
  CreateOrderResult,
  ListMyOrdersResult,
  ListProductsResult,
  MerchantConsoleResult,
  RefreshTrackingResult,
} from '@core/api'
import type { RecordConsentResult, TemplatesResult } from '@core/notify/consent'
import { cloud } from '../cloud'

export const shopperApi = {
  listProducts: () => cloud().callFunction<ListProductsResult>('listProducts', {}),
  createOrder: (items: Array<{ productId: string; quantity: number }>, address: AddressInput) =>
    cloud().callFunction<CreateOrderResult>('createOrder', { items, address }),
  listMyOrders: (before?: number) => cloud().callFunction<ListMyOrdersResult>('listMyOrders', before === undefined ? {} : { before }),
  refreshTracking: (parcelId: string) => cloud().callFunction<RefreshTrackingResult>('refreshTracking', { parcelId }),
  merchantSession: () => cloud().callFunction<MerchantConsoleResult<'session'>>('merchantConsole', { action: 'session' }),
  notificationTemplates: () => cloud().callFunction<TemplatesResult>('notificationConsent', { action: 'templates' }),
  recordConsent: (orderId: string, results: Record<string, string>) =>
    cloud().callFunction<RecordConsentResult>('notificationConsent', { action: 'record', orderId, results }),
}
