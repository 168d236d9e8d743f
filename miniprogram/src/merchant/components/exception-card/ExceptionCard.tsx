import { Button, Text, View } from '@tarojs/components'
import type { ExceptionRow } from '../../views/exceptionView'
import { m } from '../../strings'
import { buttonClass } from '../merchant-shell/buttonClass'
import './index.css'

export interface ExceptionCardProps {
  row: ExceptionRow
  refreshing: boolean
  onRefresh(): void
  onOpenOrder(): void
}

const classPrefix = 'mc-exception'

/** A parcel that needs a human: why, for how long, what the carrier last said, and what to do. */
export function ExceptionCard({ row, refreshing, onRefresh, onOpenOrder }: ExceptionCardProps) {
  return (
    <View className={`${classPrefix} ${classPrefix}--${row.tone}`} data-parcel-id={row.parcelId}>
      <View className={`${classPrefix}__top`}>
        <Text className={`mc-tag mc-tag--${row.tone}`}>{row.kindLabel}</Text>
        <Text className={`${classPrefix}__age mc-tone--${row.tone}`}>{row.ageText}</Text>
      </View>
      <View className={`${classPrefix}__parcel`}>
        <Text className={`${classPrefix}__carrier`}>{row.carrierName}</Text>
        <Text className={`${classPrefix}__number mc-mono`}>{row.trackingNo}</Text>
        <Text className={`${classPrefix}__status`}>{row.statusText}</Text>
      </View>
      <View className={`${classPrefix}__event`}>
        <Text className={`${classPrefix}__event-text`}>{row.lastEventText}</Text>
        {row.lastEventWhere && <Text className={`${classPrefix}__event-where`}>{row.lastEventWhere}</Text>}
      </View>
      <View className={`${classPrefix}__bottom`}>
        <Text className={`${classPrefix}__order mc-muted`}>
          订单 <Text className='mc-mono'>{row.orderId}</Text>
        </Text>
        <View className={`${classPrefix}__actions`}>
          <Button
            className={buttonClass('mc-button mc-button--ghost mc-button--small', refreshing)}
            data-action='refresh'
            disabled={refreshing || undefined}
            onClick={onRefresh}
          >
            {refreshing ? m.exceptions.refreshing : m.exceptions.refresh}
          </Button>
          <Button className='mc-button mc-button--plain mc-button--small' data-action='open-order' onClick={onOpenOrder}>
            {m.exceptions.openOrder}
          </Button>
        </View>
      </View>
    </View>
  )
}
