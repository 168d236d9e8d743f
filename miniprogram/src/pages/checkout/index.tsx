// 确认订单: address (wx.chooseAddress on weapp, a form on H5), quantity, and pay. Payment goes
// through createOrder, the WeChat Pay seam: locally it is simulated and the order comes back paid.
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { AddressInput, ProductDoc } from '@core/api'
import { Price } from '../../components/price/Price'
import { ProductThumb } from '../../components/product-thumb/ProductThumb'
import { formatYuan } from '../../format/money'
import { t } from '../../i18n/zh-CN'
import { shopperApi } from '../../services/shopper/shopperApi'
import { toast } from '../../services/shopper/toast'
import { ADDRESS_FIELDS, checkAddress, EMPTY_ADDRESS, type AddressFields } from './addressForm'
import './index.css'

const CAN_CHOOSE_ADDRESS = process.env.TARO_ENV === 'weapp'
const MAX_QUANTITY = 99

export default function CheckoutPage() {
  const productId = useRouter().params.productId ?? ''
  const [product, setProduct] = useState<ProductDoc | null>(null)
  const [quantity, setQuantity] = useState(1)
  const [chosen, setChosen] = useState<AddressInput | null>(null)
  const [fields, setFields] = useState<AddressFields>(EMPTY_ADDRESS)
  const [paying, setPaying] = useState(false)

  useEffect(() => {
    shopperApi.listProducts().then(
      (result) => {
        if (result.ok) setProduct(result.products.find((candidate) => candidate._id === productId) ?? null)
      },
      () => toast(t.common.networkError),
    )
  }, [productId])

  async function chooseAddress() {
    try {
      const picked = await Taro.chooseAddress()
      setChosen({
        userName: picked.userName,
        telNumber: picked.telNumber,
        provinceName: picked.provinceName,
        cityName: picked.cityName,
        countyName: picked.countyName,
        detailInfo: picked.detailInfo,
        postalCode: picked.postalCode ?? '',
      })
    } catch {
      // Cancelled or not authorised: the shopper stays on the page and can try again.
    }
  }

  async function pay() {
    if (!product || paying) return
    let address = chosen
    if (!address) {
      const check = checkAddress(fields)
      if (!check.ok) {
        toast(check.reason === 'invalid_phone' ? t.checkout.invalidPhone : t.checkout.addressRequired)
        return
      }
      address = check.address
    }
    setPaying(true)
    try {
      const result = await shopperApi.createOrder([{ productId: product._id, quantity }], address)
      if (result.ok) {
        toast(t.checkout.paid)
        Taro.redirectTo({ url: `/pages/order/detail?id=${result.orderId}` })
        return
      }
      toast(t.checkout.failures[result.reason] ?? t.common.networkError)
    } catch {
      toast(t.common.networkError)
    }
    setPaying(false)
  }

  if (!product) return <View className='ps-page ps-checkout ps-checkout--loading' />
  const total = product.priceFen * quantity
  return (
    <View className='ps-page ps-checkout'>
      <View className='ps-card ps-checkout__address'>
        {chosen ? (
          <View className='ps-checkout__chosen' onClick={chooseAddress}>
            <Text className='ps-checkout__receiver'>
              {chosen.userName} {chosen.telNumber}
            </Text>
            <Text className='ps-checkout__where'>{`${chosen.provinceName}${chosen.cityName}${chosen.countyName}${chosen.detailInfo}`}</Text>
            <Text className='ps-checkout__change'>{t.checkout.changeAddress}</Text>
          </View>
        ) : CAN_CHOOSE_ADDRESS ? (
          <View className='ps-checkout__choose' onClick={chooseAddress}>
            {t.checkout.chooseAddress}
          </View>
        ) : (
          <View className='ps-checkout__form'>
            <Text className='ps-checkout__form-title'>{t.checkout.addressForm}</Text>
            {ADDRESS_FIELDS.map((field) => (
              <View key={field} className='ps-checkout__field'>
                <Text className='ps-checkout__label'>{t.checkout[field]}</Text>
                <Input
                  className={`ps-checkout__input ps-checkout__input--${field}`}
                  value={fields[field]}
                  type={field === 'telNumber' ? 'number' : 'text'}
                  placeholder={t.checkout[field]}
                  onInput={(event) => setFields({ ...fields, [field]: event.detail.value })}
                />
              </View>
            ))}
          </View>
        )}
      </View>
      <View className='ps-card ps-checkout__item'>
        <ProductThumb productId={product._id} title={product.title} size='medium' />
        <View className='ps-checkout__item-info'>
          <Text className='ps-checkout__item-title'>{product.title}</Text>
          <Price fen={product.priceFen} />
          <View className='ps-checkout__stepper'>
            <Text className='ps-checkout__step ps-checkout__step--minus' onClick={() => setQuantity(Math.max(1, quantity - 1))}>
              −
            </Text>
            <Text className='ps-checkout__quantity'>{quantity}</Text>
            <Text
              className='ps-checkout__step ps-checkout__step--plus'
              onClick={() => setQuantity(Math.min(MAX_QUANTITY, product.stock, quantity + 1))}
            >
              +
            </Text>
          </View>
        </View>
      </View>
      <Text className='ps-checkout__note'>{t.checkout.simulatedPayment}</Text>
      <View className='ps-checkout__bar'>
        <Text className='ps-checkout__total-label'>{t.checkout.total}</Text>
        <Price fen={total} size='large' />
        <Button className='ps-button ps-checkout__pay' disabled={paying} onClick={pay}>
          {paying ? t.checkout.paying : t.checkout.pay(formatYuan(total))}
        </Button>
      </View>
    </View>
  )
}
