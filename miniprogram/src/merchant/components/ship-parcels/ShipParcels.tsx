// The order's parcels on the 录入运单 page: active ones offer correction and refresh, superseded ones
// are history. Styled by the ship page's stylesheet (mc-ship__*), whose grid places it.
import { Text, View } from '@tarojs/components'
import type { ParcelDoc } from '@core/api'
import { ParcelRow } from '../parcel-row/ParcelRow'
import { m } from '../../strings'

export interface ShipParcelsProps {
  parcels: readonly ParcelDoc[]
  onCorrect(parcel: ParcelDoc): void
  onRefresh(parcel: ParcelDoc): void
}

export function ShipParcels({ parcels, onCorrect, onRefresh }: ShipParcelsProps) {
  return (
    <View className='mc-card mc-ship__parcels'>
      <Text className='mc-card__title'>{m.backfill.parcels}</Text>
      {parcels.length === 0 && <Text className='mc-muted'>{m.backfill.noParcels}</Text>}
      <View className='mc-ship__parcel-list'>
        {parcels.map((parcel) => (
          <ParcelRow
            key={parcel._id}
            parcel={parcel}
            onCorrect={parcel.supersededBy === null ? () => onCorrect(parcel) : undefined}
            onRefresh={parcel.supersededBy === null ? () => onRefresh(parcel) : undefined}
          />
        ))}
      </View>
    </View>
  )
}
