import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CARRIERS, carrierInfo, type CarrierCode } from '@core/carriers/carrierRegistry'
import { m } from '../../strings'
import './index.css'

export interface CarrierChooserProps {
  /** The carriers the number fits; empty offers every carrier. */
  candidates: readonly CarrierCode[]
  selected: CarrierCode | null
  onPick(carrier: CarrierCode): void
}

const classPrefix = 'mc-carrier-chooser'
const ALL_CODES = CARRIERS.map((carrier) => carrier.code as CarrierCode)

/** Carrier chips: the candidates first, every carrier one tap away (the merchant's choice always stands). */
export function CarrierChooser({ candidates, selected, onPick }: CarrierChooserProps) {
  const [showAll, setShowAll] = useState(candidates.length === 0)
  const shown = showAll || candidates.length === 0 ? [...candidates, ...ALL_CODES.filter((code) => !candidates.includes(code))] : candidates
  return (
    <View className={classPrefix}>
      {shown.map((code) => (
        <View
          key={code}
          className={`${classPrefix}__chip${code === selected ? ` ${classPrefix}__chip--selected` : ''}${candidates.includes(code) ? ` ${classPrefix}__chip--candidate` : ''}`}
          data-carrier={code}
          onClick={() => onPick(code)}
        >
          <Text>{carrierInfo(code).names['zh-CN']}</Text>
        </View>
      ))}
      {!showAll && candidates.length > 0 && (
        <View className={`${classPrefix}__more`} onClick={() => setShowAll(true)}>
          <Text>{m.backfill.allCarriers}</Text>
        </View>
      )}
    </View>
  )
}
