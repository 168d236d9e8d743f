// listProducts: the storefront's catalogue.
import * as cloud from 'wx-server-sdk'
import { listProductsInput } from '../../../core/api'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { listProducts } from '../../../server/useCases/shopperReads'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const input = listProductsInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  return guarded('listProducts', () => listProducts(db))
}
