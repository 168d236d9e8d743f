// The merchant's cloud functions, typed by core/api: merchantConsole (one action per call) and
// backfillTracking. Results are values; a rejected promise means the platform failed the call.
import type { z } from 'zod'
import type { BackfillEntry, BackfillTrackingResult } from '@core/api/backfill'
import type { MerchantConsoleResult, merchantConsoleInput } from '@core/api/merchant'
import { cloud } from '../../services/cloud'

type ConsoleRequest = z.input<typeof merchantConsoleInput>

function consoleCall<A extends ConsoleRequest['action']>(
  request: Extract<ConsoleRequest, { action: A }>,
): Promise<MerchantConsoleResult<A>> {
  return cloud().callFunction<MerchantConsoleResult<A>>('merchantConsole', request)
}

/** lookupNumbers takes at most 500 numbers per call (core/api merchant). */
export const LOOKUP_CHUNK = 500

export const merchantApi = {
  session: () => consoleCall({ action: 'session' }),
  toShip: (search: string, before?: number) =>
    consoleCall({ action: 'toShip', limit: 20, ...(search ? { search } : {}), ...(before === undefined ? {} : { before }) }),
  exceptions: () => consoleCall({ action: 'exceptions' }),
  carrierPerformance: (sinceDays: number) => consoleCall({ action: 'carrierPerformance', sinceDays }),
  order: (orderId: string) => consoleCall({ action: 'order', orderId }),
  refreshParcel: (parcelId: string) => consoleCall({ action: 'refreshParcel', parcelId }),
  lookupNumbers: (trackingNos: string[]) => consoleCall({ action: 'lookupNumbers', trackingNos }),
  wechatSync: (before?: number) => consoleCall({ action: 'wechatSync', limit: 20, ...(before === undefined ? {} : { before }) }),
  retryShippingSync: (orderId: string) => consoleCall({ action: 'retryShippingSync', orderId }),
  backfill: (entries: BackfillEntry[]) => cloud().callFunction<BackfillTrackingResult>('backfillTracking', { entries }),
}
