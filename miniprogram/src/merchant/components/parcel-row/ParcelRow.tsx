import { Button, Text, View } from '@tarojs/components'
import type { ParcelDoc } from '@core/api/documents'
import { carrierInfo } from '@core/carriers/carrierRegistry'
import { statusLabel } from '@core/tracking/labels'
import { STATUS_APPEARANCE } from '../../../components/status-icon/statusAppearance'
import { m } from '../../strings'
import './index.css'

export interface ParcelRowProps {
  parcel: ParcelDoc
  /** Shown for active parcels only: a superseded one is history. */
  onCorrect?(): void
  onRefresh?(): void
}

const classPrefix = 'mc-parcel-row'
const SUBSCRIPTION_TONE: Record<string, string> = { pending: 'warning', subscribed: 'success', stopped: 'muted', failed: 'danger' }

export function ParcelRow({ parcel, onCorrect, onRefresh }: ParcelRowProps) {
  const superseded = parcel.supersededBy !== null
  const newest = parcel.events[0]
  return (
    <View
      className={`${classPrefix}${superseded ? ` ${classPrefix}--superseded` : ''}`}
      data-parcel-id={parcel._id}
      data-superseded={superseded ? 'yes' : 'no'}
    >
      <View className={`${classPrefix}__top`}>
        <Text className={`${classPrefix}__seq`}>包裹{parcel.seq}</Text>
        <Text className={`${classPrefix}__carrier`}>{carrierInfo(parcel.carrier).names['zh-CN']}</Text>
        <Text className={`${classPrefix}__number mc-mono`}>{parcel.trackingNo}</Text>
        {superseded ? (
          <Text className='mc-tag mc-tag--muted'>{m.backfill.superseded}</Text>
        ) : (
          <Text className={`mc-tag mc-tag--${STATUS_APPEARANCE[parcel.status].tone}`}>{statusLabel(parcel.status)}</Text>
        )}
        {!superseded && (
          <Text
            className={`mc-tag mc-tag--${SUBSCRIPTION_TONE[parcel.subscription.state]} ${classPrefix}__subscription`}
            data-subscription={parcel.subscription.state}
          >
            {m.backfill.subscription[parcel.subscription.state]}
          </Text>
        )}
      </View>
      {superseded && parcel.supersededBy && (
        <Text className={`${classPrefix}__note mc-muted`}>
          {m.backfill.supersededBy(parcel.supersededBy.split(':')[1] ?? parcel.supersededBy)}
        </Text>
      )}
      {!superseded && parcel.items.length > 0 && (
        <Text className={`${classPrefix}__note mc-muted`}>{parcel.items.map((item) => `${item.title} ×${item.quantity}`).join('，')}</Text>
      )}
      {!superseded && newest && <Text className={`${classPrefix}__event`}>{newest.text}</Text>}
      {!superseded && (onCorrect || onRefresh) && (
        <View className={`${classPrefix}__actions`}>
          {onRefresh && (
            <Button className='mc-button mc-button--plain mc-button--small' data-action='refresh-parcel' onClick={onRefresh}>
              {m.backfill.refresh}
            </Button>
          )}
          {onCorrect && (
            <Button className='mc-button mc-button--ghost mc-button--small' data-action='correct' onClick={onCorrect}>
              {m.backfill.correct}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
