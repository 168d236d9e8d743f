// createOrder: the shopper's checkout. Stock is checked and decremented in one transaction with the
// order's creation, so concurrent orders never oversell; the receiver phone is stored masked.
import { failure, type CreateOrderInput, type CreateOrderResult, type OrderDoc, type OrderItem, type ProductDoc } from '../../core/api'
import { cityOfAddress } from '../../core/geo'
import { maskReceiverPhone } from '../../core/orders'
import type { PaymentGateway } from '../payments/paymentGateway'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, TRANSACTION_RETRIES, withoutId, type Database } from '../platform/database'
import { productRepository, readProduct } from '../repositories/products'
import { transactionDocs } from '../repositories/transactionDocs'

export interface CreateOrderDeps {
  db: Database
  now: Clock
  payments: PaymentGateway
  newOrderId: () => string
}

type Reservation = { ok: true; order: OrderDoc } | Extract<CreateOrderResult, { ok: false }>

export async function createOrder(deps: CreateOrderDeps, openid: string, input: CreateOrderInput): Promise<CreateOrderResult> {
  // Priced from the catalogue before charging; the transaction re-reads stock and refuses what ran out.
  const catalogue = new Map((await productRepository(deps.db).list()).map((product) => [product._id, product]))
  const items: OrderItem[] = []
  for (const { productId, quantity } of input.items) {
    const product = catalogue.get(productId)
    if (!product) return failure('product_not_found', `no product ${productId}`)
    if (product.stock < quantity) return failure('out_of_stock', `${product.title}: ${product.stock} left`)
    items.push({ productId, title: product.title, priceFen: product.priceFen, quantity, image: product.image })
  }
  const totalFen = items.reduce((sum, item) => sum + item.priceFen * item.quantity, 0)
  const orderId = deps.newOrderId()
  const charged = await deps.payments.charge({
    orderId,
    openid,
    amountFen: totalFen,
    description: items
      .map((item) => item.title)
      .join('、')
      .slice(0, 120),
  })
  if (!charged.ok) return failure('payment_failed', charged.message)

  const { telMasked } = maskReceiverPhone(input.address.telNumber)
  // Geocoded once, here: the route's destination. An address city the gazetteer does not know gives null.
  const city = cityOfAddress(input.address)
  const destinationCity = city ? { code: city.code, name: city.name, lat: city.lat, lng: city.lng } : null
  const reserved = await deps.db.runTransaction(async (tx): Promise<Reservation> => {
    const docs = transactionDocs(tx)
    const now = deps.now()
    const stocked: ProductDoc[] = []
    for (const item of items) {
      const product = readProduct(await docs.get(COLLECTIONS.products, item.productId))
      if (!product) return failure('product_not_found', `no product ${item.productId}`)
      if (product.stock < item.quantity) return failure('out_of_stock', `${product.title}: ${product.stock} left`)
      stocked.push({ ...product, stock: product.stock - item.quantity })
    }
    for (const product of stocked) {
      await tx
        .collection(COLLECTIONS.products)
        .doc(product._id)
        .update({ data: { stock: product.stock } })
    }
    const order: OrderDoc = {
      _id: orderId,
      _openid: openid,
      items,
      totalFen,
      address: {
        userName: input.address.userName,
        telMasked,
        provinceName: input.address.provinceName,
        cityName: input.address.cityName,
        countyName: input.address.countyName,
        detailInfo: input.address.detailInfo,
        postalCode: input.address.postalCode || null,
      },
      destinationCity,
      status: 'PAID',
      payment: { provider: charged.provider, transactionId: charged.transactionId, paidAt: charged.paidAt },
      parcels: [],
      createdAt: now,
      updatedAt: now,
      shippedAt: null,
      deliveredAt: null,
    }
    await tx
      .collection(COLLECTIONS.orders)
      .doc(orderId)
      .set({ data: withoutId(order) })
    return { ok: true, order }
  }, TRANSACTION_RETRIES)
  if (!reserved.ok) {
    await deps.payments.refund(charged.transactionId, totalFen)
    return reserved
  }
  return { ok: true, orderId, totalFen }
}
