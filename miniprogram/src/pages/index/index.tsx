// 商城 (tab): the catalogue as a two-column grid.
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ProductDoc } from '@core/api'
import { Price } from '../../components/price/Price'
import { ProductThumb } from '../../components/product-thumb/ProductThumb'
import { StateView } from '../../components/state-view/StateView'
import { H5TabBar } from '../../components/tab-bar/TabBar'
import { t } from '../../i18n/zh-CN'
import { shopperApi } from '../../services/shopper/shopperApi'
import './index.css'
import { withLocalCloudBar } from '../../components/local-cloud-bar/withLocalCloudBar'

type Catalogue = { kind: 'loading' } | { kind: 'ready'; products: ProductDoc[] } | { kind: 'failed' }

function ShopPage() {
  const [catalogue, setCatalogue] = useState<Catalogue>({ kind: 'loading' })

  async function load() {
    try {
      const result = await shopperApi.listProducts()
      setCatalogue(result.ok ? { kind: 'ready', products: result.products } : { kind: 'failed' })
    } catch {
      setCatalogue({ kind: 'failed' })
    }
  }

  useEffect(() => {
    load()
  }, [])
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='ps-page ps-page--tab ps-shop'>
      <View className='ps-shop__banner'>
        <Text className='ps-shop__name'>{t.shop.title}</Text>
        <Text className='ps-shop__tagline'>{t.shop.banner}</Text>
      </View>
      {catalogue.kind === 'failed' && (
        <StateView
          icon='alert'
          tone='danger'
          title={t.shop.loadFailed}
          body={t.common.networkError}
          action={{
            text: t.common.retry,
            onClick: () => {
              setCatalogue({ kind: 'loading' })
              load()
            },
          }}
        />
      )}
      {catalogue.kind === 'ready' && catalogue.products.length === 0 && <StateView icon='box' tone='muted' title={t.shop.empty} />}
      <View className='ps-shop__grid'>
        {catalogue.kind === 'loading' &&
          [0, 1, 2, 3].map((index) => <View key={index} className='ps-shop__card ps-shop__card--placeholder' />)}
        {catalogue.kind === 'ready' &&
          catalogue.products.map((product) => (
            <View
              key={product._id}
              className={`ps-shop__card${product.stock <= 0 ? ' ps-shop__card--sold-out' : ''}`}
              data-product-id={product._id}
              onClick={() => Taro.navigateTo({ url: `/pages/product/detail?id=${product._id}` })}
            >
              <ProductThumb productId={product._id} title={product.title} size='large' />
              <View className='ps-shop__info'>
                <Text className='ps-shop__title'>{product.title}</Text>
                <View className='ps-shop__bottom'>
                  <Price fen={product.priceFen} />
                  {product.stock <= 0 && <Text className='ps-shop__badge'>{t.shop.soldOut}</Text>}
                  {product.stock > 0 && product.stock <= 15 && <Text className='ps-shop__stock'>{t.shop.stockLeft(product.stock)}</Text>}
                </View>
              </View>
            </View>
          ))}
      </View>
      <H5TabBar current='pages/index/index' />
    </View>
  )
}

export default withLocalCloudBar(ShopPage)
