// A product: photo tile, price, description, and 立即购买 into checkout.
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ProductDoc } from '@core/api'
import { Price } from '../../components/price/Price'
import { ProductThumb } from '../../components/product-thumb/ProductThumb'
import { StateView } from '../../components/state-view/StateView'
import { t } from '../../i18n/zh-CN'
import { shopperApi } from '../../services/shopper/shopperApi'
import './detail.css'

export default function ProductPage() {
  const productId = useRouter().params.id ?? ''
  const [product, setProduct] = useState<ProductDoc | null | 'failed'>(null)

  useEffect(() => {
    // listProducts is the only catalogue read (DESIGN §5); the catalogue is small.
    shopperApi.listProducts().then(
      (result) => setProduct(result.ok ? (result.products.find((candidate) => candidate._id === productId) ?? 'failed') : 'failed'),
      () => setProduct('failed'),
    )
  }, [productId])

  if (product === 'failed')
    return (
      <View className='ps-page'>
        <StateView icon='alert' tone='danger' title={t.shop.loadFailed} />
      </View>
    )
  if (product === null) return <View className='ps-page ps-product ps-product--loading' />
  const soldOut = product.stock <= 0
  return (
    <View className='ps-page ps-product'>
      <ProductThumb productId={product._id} title={product.title} size='large' />
      <View className='ps-card ps-product__info'>
        <Price fen={product.priceFen} size='large' />
        <Text className='ps-product__title'>{product.title}</Text>
        <Text className='ps-product__description'>{product.description}</Text>
      </View>
      <View className='ps-product__bar'>
        <Button
          className='ps-button ps-product__buy'
          disabled={soldOut}
          onClick={() => Taro.navigateTo({ url: `/pages/checkout/index?productId=${product._id}` })}
        >
          {soldOut ? t.shop.soldOut : t.shop.buyNow}
        </Button>
      </View>
    </View>
  )
}
