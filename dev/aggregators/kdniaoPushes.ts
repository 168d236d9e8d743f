// Kdniao 101/102 pushes (reference/aggregators.md §1.6): form RequestData/RequestType/DataSign to
// the console-configured URL, full snapshots, several waybills due at the same instant batched
// into one push with a string Count. A batch holds each waybill at most once, so a duplicated or
// reordered snapshot due at the same instant travels in the next batch, after the first.
import { isKdniaoAck } from './acks'
import type { SandboxContext } from './context'
import type { PushPolicy } from './deliveryQueue'
import { mergeFaults } from './faults'
import { encodeForm } from './formCodec'
import { renderKdniaoShipment } from './kdniaoRender'
import { applyFaults, planSnapshots } from './pushPlan'
import { formatBeijingTime } from './shanghaiTime'
import { kdniaoDataSign } from './signatures'
import { FINAL_STAGES } from './stages'
import type { Story } from './stories'
import type { Subscription } from './subscriptions'

interface SlotEntry {
  subscription: Subscription
  generation: number
  story: Story
  cutoff: number
  corrupt: boolean
}

export class KdniaoPusher {
  private readonly slots = new Map<string, SlotEntry[]>()
  private pushCount = 0

  constructor(private readonly context: SandboxContext) {}

  private get policy(): PushPolicy {
    const { timeoutMs, retryDelaysMs } = this.context.kdniao
    return { vendor: 'kdniao', timeoutMs, retryDelaysMs, isAck: isKdniaoAck }
  }

  /**
   * Plans the pushes of a freshly accepted subscription (a re-subscribe re-plans from now). The
   * push URL is read when a push is due, so a receiver may be configured after subscribing.
   * `from`: a subscription restored from a state file re-plans from then, everything before it in
   * one snapshot (full snapshots make that harmless to a receiver that already had some).
   */
  plan(subscription: Subscription, story: Story, tracesVisible: boolean, from = subscription.subscribedAt): void {
    const { context } = this
    if (!tracesVisible) return
    const timeline = context.stories.timeline(story)
    const faults = mergeFaults(context.faults.global, story.faults)
    const planned = applyFaults(planSnapshots(timeline, from), faults, context.faults.seed, story.trackingNo, context.speed)
    const requestType = subscription.requestType === '1008' ? '101' : '102'
    for (const push of planned) {
      this.add(push.at, requestType, {
        subscription,
        generation: subscription.generation,
        story,
        cutoff: push.cutoff,
        corrupt: push.corrupt,
      })
    }
  }

  private add(at: number, requestType: string, entry: SlotEntry): void {
    const key = `${at}|${requestType}`
    const slot = this.slots.get(key)
    if (slot) {
      slot.push(entry)
      return
    }
    this.slots.set(key, [entry])
    this.context.clock.schedule(at, () => this.flush(key, requestType))
  }

  private async flush(key: string, requestType: string): Promise<void> {
    const entries = (this.slots.get(key) ?? []).filter((entry) => entry.generation === entry.subscription.generation)
    this.slots.delete(key)
    const batches: SlotEntry[][] = []
    for (const entry of entries) {
      const batch = batches.find((candidate) => !candidate.some((other) => other.subscription === entry.subscription))
      if (batch) batch.push(entry)
      else batches.push([entry])
    }
    for (const batch of batches) await this.send(batch, requestType)
  }

  private async send(batch: SlotEntry[], requestType: string): Promise<void> {
    const { context } = this
    const { eBusinessId, appKey, pushUrl } = context.kdniao
    if (!pushUrl) return
    const now = context.clock.now()
    const data = batch.map(({ subscription, story, cutoff }) => {
      const shipment = renderKdniaoShipment({
        eBusinessId,
        shipperCode: subscription.vendorCarrier,
        logisticCode: subscription.trackingNo,
        orderCode: subscription.orderCode ?? undefined,
        events: context.stories.timeline(story).slice(0, cutoff),
        detailed: requestType === '102',
      })
      const eta = story.scenario.etaMinute
      shipment.EstimatedDeliveryTime = eta === undefined ? '' : formatBeijingTime(context.stories.instantOf(story, eta))
      // Doc versions disagree on CallBack/Callback; pushes use CallBack so receivers read keys case-insensitively.
      if (subscription.callback !== null) shipment.CallBack = subscription.callback
      return shipment
    })
    const requestData = JSON.stringify({
      EBusinessID: eBusinessId,
      Count: String(data.length),
      PushTime: formatBeijingTime(now),
      Data: data,
    })
    const corrupt = batch.some((entry) => entry.corrupt)
    const dataSign = kdniaoDataSign(requestData, corrupt ? `${appKey}#corrupted` : appKey)
    const body = encodeForm([
      ['RequestData', requestData],
      ['RequestType', requestType],
      ['DataSign', dataSign],
    ])
    for (const { subscription, story, cutoff } of batch) {
      const last = context.stories.timeline(story)[cutoff - 1]
      if (last && FINAL_STAGES.has(last.stage)) context.subscriptions.setState(subscription, 'ended', now)
    }
    this.pushCount += 1
    const trackingNos = batch.map((entry) => entry.subscription.trackingNo)
    await context.deliveries.sendNow({ pushId: `kdniao-${this.pushCount}`, url: pushUrl, body, trackingNos }, this.policy)
  }
}
