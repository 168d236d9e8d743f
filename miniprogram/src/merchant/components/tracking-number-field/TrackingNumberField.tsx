import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { carrierInfo, type CarrierCode } from '@core/carriers/carrierRegistry'
import type { NumberFeedback } from '../../backfill/numberFeedback'
import { m } from '../../strings'
import { CarrierChooser } from '../carrier-chooser/CarrierChooser'
import { feedbackLines } from './feedbackText'
import './index.css'

export interface NumberFieldValue {
  input: string
  picked: CarrierCode | null
  phoneTail: string
}

export interface TrackingNumberFieldProps {
  value: NumberFieldValue
  feedback: NumberFeedback
  /** The phone tail was filled from the order's receiver phone (shown so the merchant knows where it came from). */
  phoneTailPrefilled: boolean
  onChange(next: NumberFieldValue): void
}

const classPrefix = 'mc-number-field'
// Taro H5 has no scanCode (it would need the WeChat JSSDK); the desktop console types or pastes.
const CAN_SCAN = process.env.TARO_ENV !== 'h5'

/** The tracking number as typed or scanned, with detection as you type and the carrier choice. */
export function TrackingNumberField({ value, feedback, phoneTailPrefilled, onChange }: TrackingNumberFieldProps) {
  const [choosing, setChoosing] = useState(false)
  const set = (patch: Partial<NumberFieldValue>) => onChange({ ...value, ...patch })
  const needsChoice = feedback.problem === null && feedback.carrier === null

  async function scan() {
    try {
      // Waybills carry CODE_128 (reference/wechat.md §8); camera only, so nobody scans a screenshot of another order.
      const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['barCode'] })
      if (scanned.result) set({ input: scanned.result })
    } catch {
      // Cancelled, or no camera permission: the merchant can still type.
    }
  }

  return (
    <View className={classPrefix}>
      <Text className={`${classPrefix}__label`}>{m.backfill.trackingNo}</Text>
      <View className={`${classPrefix}__row`}>
        <Input
          className={`mc-input mc-mono ${classPrefix}__input`}
          value={value.input}
          placeholder={m.backfill.trackingPlaceholder}
          maxlength={64}
          data-field='trackingNo'
          onInput={(event) => set({ input: event.detail.value })}
        />
        {CAN_SCAN && (
          <View className={`${classPrefix}__scan`} data-action='scan' onClick={scan}>
            <View className={`${classPrefix}__scan-icon`} />
            <Text>{m.backfill.scan}</Text>
          </View>
        )}
      </View>
      {feedback.trackingNo && feedback.trackingNo !== value.input && (
        <Text className={`${classPrefix}__normalised mc-mono`}>{m.backfill.normalised(feedback.trackingNo)}</Text>
      )}
      <View className={`${classPrefix}__feedback`}>
        {feedbackLines(feedback).map((line, index) => (
          <View key={index} className={`${classPrefix}__line mc-tone--${line.tone}`} data-tone={line.tone}>
            <Text>{line.text}</Text>
            {index === 0 && feedback.carrier && !choosing && (
              <Text className={`${classPrefix}__change mc-link`} data-action='change-carrier' onClick={() => setChoosing(true)}>
                {m.backfill.changeCarrier}
              </Text>
            )}
          </View>
        ))}
      </View>
      {feedback.problem === null && (needsChoice || choosing) && (
        <CarrierChooser
          candidates={feedback.candidates}
          selected={value.picked}
          onPick={(carrier) => {
            setChoosing(false)
            set({ picked: carrier })
          }}
        />
      )}
      {feedback.phoneTail.rule !== 'none' && (
        <View className={`${classPrefix}__tail`}>
          <Text className={`${classPrefix}__label`}>{m.backfill.phoneTail}</Text>
          <Input
            className={`mc-input mc-mono ${classPrefix}__tail-input`}
            type='number'
            maxlength={4}
            value={value.phoneTail}
            data-field='phoneTail'
            onInput={(event) => set({ phoneTail: event.detail.value })}
          />
          <Text className={`${classPrefix}__tail-hint ${feedback.phoneTail.problem ? 'mc-tone--danger' : 'mc-muted'}`}>
            {feedback.phoneTail.problem === 'invalid'
              ? m.backfill.phoneTailInvalid
              : phoneTailPrefilled && feedback.phoneTail.value
                ? m.backfill.phoneTailPrefilled
                : feedback.carrier &&
                  (feedback.phoneTail.rule === 'required'
                    ? m.backfill.phoneTailRequired(carrierInfo(feedback.carrier).names['zh-CN'])
                    : m.backfill.phoneTailRecommended(carrierInfo(feedback.carrier).names['zh-CN']))}
          </Text>
        </View>
      )}
    </View>
  )
}
