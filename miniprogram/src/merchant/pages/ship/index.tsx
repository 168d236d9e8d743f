// 录入运单 for one order: the order and its parcels, then a number typed or scanned with detection as
// you type; several parcels per order (split shipment with item allocation); and a correction that
// replaces a parcel's number or carrier, the old one kept as superseded.
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useMemo, useRef, useState } from 'react'
import type { BackfillEntry, OrderDoc, ParcelDoc } from '@core/api'
import { phoneTailFromMasked } from '@core/orders/receiverPhone'
import { toast } from '../../../services/shopper/toast'
import { allocationEntry, itemsLeftToShip } from '../../backfill/itemsLeftToShip'
import { numberFeedback } from '../../backfill/numberFeedback'
import { failureText } from '../../batch/batchReport'
import { ItemAllocation } from '../../components/item-allocation/ItemAllocation'
import { buttonClass } from '../../components/merchant-shell/buttonClass'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { ShipOrderCard } from '../../components/ship-order/ShipOrderCard'
import { ShipParcels } from '../../components/ship-parcels/ShipParcels'
import { TrackingNumberField, type NumberFieldValue } from '../../components/tracking-number-field/TrackingNumberField'
import { merchantApi } from '../../services/merchantApi'
import { m, textFor } from '../../strings'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'not_found' } | { kind: 'ready'; order: OrderDoc; parcels: ParcelDoc[] }
type Message = { tone: 'success' | 'danger'; text: string }

const REFRESH_TEXT: Record<string, string> = { rate_limited: '查询太频繁，请稍后再试', vendor_unavailable: m.exceptions.vendorUnavailable }

function emptyField(order: OrderDoc | null): NumberFieldValue {
  return { input: '', picked: null, phoneTail: order ? (phoneTailFromMasked(order.address.telMasked) ?? '') : '' }
}

function ShipBody({ orderId }: { orderId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [field, setField] = useState<NumberFieldValue>(emptyField(null))
  const [replacing, setReplacing] = useState<ParcelDoc | null>(null)
  const [quantities, setQuantities] = useState<Record<string, number>>({})
  const [submitting, setSubmitting] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)
  const feedback = useMemo(() => numberFeedback(field), [field])
  const prefilled = useRef(false)

  async function read(): Promise<void> {
    try {
      const result = await merchantApi.order(orderId)
      if (result.ok) {
        // The first read prefills the phone tail from the receiver's masked phone (its last 4 digits are clear).
        if (!prefilled.current) setField(emptyField(result.order))
        prefilled.current = true
        setLoad({ kind: 'ready', order: result.order, parcels: result.parcels })
      } else setLoad(result.reason === 'not_found' || result.reason === 'invalid_input' ? { kind: 'not_found' } : { kind: 'failed' })
    } catch {
      setLoad((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }
  useLoadOnShow(() => {
    read()
  })

  if (load.kind === 'loading')
    return (
      <View className='mc-ship__placeholder'>
        <Text>{m.loading}</Text>
      </View>
    )
  if (load.kind === 'not_found')
    return (
      <View className='mc-ship__placeholder'>
        <Text>{m.backfill.notFound}</Text>
      </View>
    )
  if (load.kind === 'failed')
    return (
      <View className='mc-ship__placeholder'>
        <Text>{m.loadFailed}</Text>
        <Text
          className='mc-link mc-ship__retry'
          onClick={() => {
            setLoad({ kind: 'loading' })
            read()
          }}
        >
          {m.retry}
        </Text>
      </View>
    )

  const { order, parcels } = load
  const left = itemsLeftToShip(order, replacing?._id ?? null)
  const units = order.items.reduce((sum, item) => sum + item.quantity, 0)
  const prefilledTail = phoneTailFromMasked(order.address.telMasked)

  function startCorrection(parcel: ParcelDoc) {
    setReplacing(parcel)
    setQuantities({})
    setMessage(null)
    // The mistake is in the number or the carrier: both start as they were, the merchant fixes one.
    setField({ input: parcel.trackingNo, picked: parcel.carrier, phoneTail: parcel.phoneTail ?? prefilledTail ?? '' })
  }

  function reset() {
    setReplacing(null)
    setQuantities({})
    setField(emptyField(order))
  }

  async function submit() {
    if (!feedback.ready || !feedback.trackingNo || !feedback.carrier || submitting) return
    const items = allocationEntry(quantities)
    const entry: BackfillEntry = {
      orderId: order._id,
      trackingNo: feedback.trackingNo,
      // The carrier the merchant saw (detected or picked) is the one recorded.
      carrier: feedback.carrier,
      ...(feedback.phoneTail.rule !== 'none' && feedback.phoneTail.value ? { phoneTail: feedback.phoneTail.value } : {}),
      ...(items ? { items } : {}),
      ...(replacing ? { replaces: replacing._id } : {}),
    }
    setSubmitting(true)
    setMessage(null)
    try {
      const answer = await merchantApi.backfill([entry])
      const result = answer.ok ? answer.results[0] : null
      if (!answer.ok || !result)
        setMessage({ tone: 'danger', text: answer.ok ? m.failures.internal_error : (textFor(m.failures, answer.reason) ?? answer.message) })
      else if (!result.ok) setMessage({ tone: 'danger', text: failureText(result) })
      else {
        const seq = result.outcome === 'unchanged' ? null : (replacing?.seq ?? Math.max(0, ...parcels.map((parcel) => parcel.seq)) + 1)
        setMessage({
          tone: 'success',
          text:
            result.outcome === 'created'
              ? m.backfill.created(seq ?? 1)
              : result.outcome === 'replaced'
                ? m.backfill.replaced
                : m.backfill.unchanged,
        })
        reset()
        await read()
      }
    } catch {
      setMessage({ tone: 'danger', text: m.networkError })
    } finally {
      setSubmitting(false)
    }
  }

  async function refresh(parcel: ParcelDoc) {
    try {
      const result = await merchantApi.refreshParcel(parcel._id)
      if (result.ok) {
        toast(m.exceptions.refreshed)
        await read()
      } else toast(REFRESH_TEXT[result.reason] ?? textFor(m.failures, result.reason) ?? result.message)
    } catch {
      toast(m.networkError)
    }
  }

  return (
    // Phone: order, then the form (scan after scan without scrolling past the parcels), then the parcels.
    // Desktop: order and parcels on the left, the form beside them (index.css grid areas).
    <View className='mc-ship'>
      <ShipOrderCard order={order} />
      <View className={`mc-card mc-ship__form${replacing ? ' mc-ship__form--correcting' : ''}`}>
        <View className='mc-ship__form-head'>
          <Text className='mc-card__title'>{replacing ? m.backfill.correctParcel(replacing.seq) : m.backfill.addParcel}</Text>
          {replacing && (
            <Text className='mc-link mc-ship__cancel' data-action='cancel-correction' onClick={reset}>
              {m.backfill.cancelCorrection}
            </Text>
          )}
        </View>
        <TrackingNumberField
          value={field}
          feedback={feedback}
          phoneTailPrefilled={prefilledTail !== null && field.phoneTail === prefilledTail}
          onChange={(next) => {
            setField(next)
            setMessage(null)
          }}
        />
        {units > 1 && left.some((item) => item.left > 0) && (
          <ItemAllocation
            items={left}
            quantities={quantities}
            onChange={(productId, quantity) => setQuantities({ ...quantities, [productId]: quantity })}
          />
        )}
        {message && (
          <Text className={`mc-ship__message mc-tone--${message.tone}`} data-message={message.tone}>
            {message.text}
          </Text>
        )}
        <Button
          className={buttonClass('mc-button mc-button--block mc-ship__submit', !feedback.ready || submitting)}
          data-action='submit'
          disabled={!feedback.ready || submitting || undefined}
          onClick={() => {
            submit()
          }}
        >
          {submitting ? m.backfill.submitting : replacing ? m.backfill.submitCorrection : m.backfill.submit}
        </Button>
      </View>
      <ShipParcels
        parcels={parcels}
        onCorrect={startCorrection}
        onRefresh={(parcel) => {
          refresh(parcel)
        }}
      />
    </View>
  )
}

export default function ShipPage() {
  const orderId = useRouter().params.orderId ?? ''
  return (
    <MerchantShell active='ship' title={m.backfill.title}>
      {() => <ShipBody orderId={decodeURIComponent(orderId)} />}
    </MerchantShell>
  )
}
