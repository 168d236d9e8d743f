// Kuaidi100 pushes to the subscriber's callbackurl (reference/aggregators.md §2.5): form
// `param` + `sign` (UPPER MD5(param + salt); no sign when no salt was given), one number per push,
// `polling` snapshots, `shutdown` once signed, `abort` for 3天查询无记录 / 60天无变化 and for a
// carrier correction (autoCheck=0, comNew), after which pushes carry autoCheck=1, comOld, comNew.
// Pushes follow the story's events; the vendor's real cadence (first push 15 min–4 h after
// subscribing, then about every 4 h) is not imitated.
import { isKuaidi100Ack } from './acks'
import { carrierByCode } from './carriers'
import type { SandboxContext } from './context'
import type { PushPolicy } from './deliveryQueue'
import { mergeFaults } from './faults'
import { encodeForm } from './formCodec'
import { renderKuaidi100PushParam, renderKuaidi100Result, type Kuaidi100PushInput } from './kuaidi100Render'
import { applyFaults, planSnapshots } from './pushPlan'
import { kuaidi100CallbackSign } from './signatures'
import { FINAL_STAGES } from './stages'
import type { Story } from './stories'
import type { Subscription } from './subscriptions'

const DAY_MS = 24 * 60 * 60 * 1000
const NO_RECORD_AFTER_MS = 3 * DAY_MS
const NO_CHANGE_AFTER_MS = 60 * DAY_MS

export class Kuaidi100Pusher {
  private pushCount = 0

  constructor(private readonly context: SandboxContext) {}

  private get policy(): PushPolicy {
    const { timeoutMs, retryDelaysMs } = this.context.kuaidi100
    return { vendor: 'kuaidi100', timeoutMs, retryDelaysMs, isAck: isKuaidi100Ack }
  }

  /**
   * `reachable`: the carrier answers for this number under what was subscribed (phone tail included).
   * `from`: as for Kdniao, a restored subscription re-plans from then.
   */
  plan(subscription: Subscription, story: Story, reachable: boolean, from = subscription.subscribedAt): void {
    const { context } = this
    const timeline = context.stories.timeline(story)
    const scaled = (ms: number) => Math.round(ms / context.speed)
    const truth = context.stories.trueCarrier(story)
    const correctedCom = truth && truth !== subscription.carrier ? carrierByCode(truth)?.kuaidi100[0] : undefined
    const firstEvent = timeline[0]
    const last = timeline.at(-1)
    if (!firstEvent || !last || (!reachable && !correctedCom)) {
      this.at(subscription, subscription.subscribedAt + scaled(NO_RECORD_AFTER_MS), () => ({
        status: 'abort',
        message: '3天查询无记录',
        lastResult: this.result(subscription, subscription.vendorCarrier, story, 0),
      }))
      return
    }
    const faults = mergeFaults(context.faults.global, story.faults)
    const planned = applyFaults(planSnapshots(timeline, from), faults, context.faults.seed, story.trackingNo, context.speed)
    const com = correctedCom ?? subscription.vendorCarrier
    // After a correction Kuaidi100 follows the number under the new code: later statuses are that record's.
    let corrected: Subscription | undefined
    const follower = () => corrected ?? subscription
    if (correctedCom) {
      const first = Math.min(...planned.map((push) => push.at), firstEvent.instant)
      this.at(subscription, Math.max(first, subscription.subscribedAt), () => {
        corrected = context.subscriptions.accept(
          { ...subscription, vendorCarrier: correctedCom, carrier: truth ?? subscription.carrier, subscribedAt: context.clock.now() },
          'polling',
        )
        return {
          status: 'abort',
          message: '',
          autoCheck: '0',
          comNew: correctedCom,
          lastResult: this.result(subscription, subscription.vendorCarrier, story, 0),
        }
      })
    }
    const correction = correctedCom ? { autoCheck: '1' as const, comOld: subscription.vendorCarrier, comNew: correctedCom } : {}
    for (const push of planned) {
      const reached = timeline[push.cutoff - 1]
      const final = reached !== undefined && FINAL_STAGES.has(reached.stage)
      this.at(
        subscription,
        push.at,
        () => ({
          status: final ? 'shutdown' : 'polling',
          ...correction,
          lastResult: this.result(subscription, com, story, push.cutoff),
        }),
        push.corrupt,
        follower,
      )
    }
    if (!FINAL_STAGES.has(last.stage)) {
      this.at(
        subscription,
        last.instant + scaled(NO_CHANGE_AFTER_MS),
        () => ({
          status: 'abort',
          message: '60天无变化',
          ...correction,
          lastResult: this.result(subscription, com, story, timeline.length),
        }),
        false,
        follower,
      )
    }
  }

  private result(subscription: Subscription, com: string, story: Story, cutoff: number): Record<string, unknown> {
    return renderKuaidi100Result({
      com,
      nu: subscription.trackingNo,
      events: this.context.stories.timeline(story).slice(0, cutoff),
      resultv2: subscription.resultv2 ?? undefined,
    })
  }

  /** `stateOf`: the record whose state a shutdown/abort changes (the corrected one after a correction). */
  private at(
    subscription: Subscription,
    at: number,
    render: () => Kuaidi100PushInput,
    corrupt = false,
    stateOf = () => subscription,
  ): void {
    const generation = subscription.generation
    this.context.clock.schedule(at, async () => {
      if (subscription.generation !== generation || subscription.callbackUrl === null) return
      const input = render()
      if (input.status === 'shutdown' || input.status === 'abort')
        this.context.subscriptions.setState(stateOf(), input.status, this.context.clock.now())
      const param = JSON.stringify(renderKuaidi100PushParam(input))
      const fields: Array<[string, string]> = [['param', param]]
      if (subscription.salt !== null) {
        fields.push(['sign', kuaidi100CallbackSign(param, corrupt ? `${subscription.salt}#corrupted` : subscription.salt)])
      }
      this.pushCount += 1
      await this.context.deliveries.sendNow(
        {
          pushId: `kuaidi100-${this.pushCount}`,
          url: subscription.callbackUrl,
          body: encodeForm(fields),
          trackingNos: [subscription.trackingNo],
        },
        this.policy,
      )
    })
  }
}
