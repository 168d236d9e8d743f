import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CarrierView } from './carrierView'
import './index.css'

export interface CarrierCardProps {
  view: CarrierView
  labels: { carrier: string; trackingNo: string; copy: string }
}

const classPrefix = 'ps-carrier-card'

export function CarrierCard({ view, labels }: CarrierCardProps) {
  const copy = () => {
    Taro.setClipboardData({ data: view.trackingNo })
  }
  const call = () => {
    if (view.contact) Taro.makePhoneCall({ phoneNumber: view.contact.phone })
  }
  return (
    <View className={classPrefix}>
      <View className={`${classPrefix}__line`}>
        <Text className={`${classPrefix}__carrier`}>{view.carrierName}</Text>
        <Text className={`${classPrefix}__number`}>{view.trackingNo}</Text>
        <Text className={`${classPrefix}__copy`} onClick={copy}>
          {labels.copy}
        </Text>
      </View>
      {view.contact && (
        <View className={`${classPrefix}__contact`} onClick={call}>
          <Text className={`${classPrefix}__contact-label`}>{view.contact.label}</Text>
          {view.contact.name && <Text className={`${classPrefix}__contact-name`}>{view.contact.name}</Text>}
          <Text className={`${classPrefix}__contact-phone`}>{view.contact.phoneMasked}</Text>
        </View>
      )}
    </View>
  )
}
