// Sends pushes over real HTTP and retries them on the vendor's schedule, all in clock time.
// A push succeeds only when the receiver answers HTTP 200 with the vendor's exact ack; anything
// else (other status, wrong body, refused connection, no answer in time) is retried. Retries
// re-send the identical body, as a vendor re-sending a failed push does.
import * as http from 'node:http'
import type { SandboxClock } from './clock'
import type { Vendor } from './carriers'

export type AttemptOutcome = 'acked' | 'bad-ack' | 'http-error' | 'refused' | 'timeout'

export interface DeliveryAttempt {
  /** Identifies one logical push; its retries share it. */
  pushId: string
  vendor: Vendor
  url: string
  /** The raw form body sent. */
  body: string
  trackingNos: string[]
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number
  /** Clock instant the attempt started. */
  at: number
  status: number | null
  responseBody: string | null
  ackOk: boolean
  outcome: AttemptOutcome
  /** When the next retry is due, or null when this was the last try. */
  nextAttemptAt: number | null
}

export interface PushPolicy {
  vendor: Vendor
  /** Vendor timeout for one attempt (clock ms). */
  timeoutMs: number
  /** Delay before each retry, measured from the failure (scenario time, divided by speed). */
  retryDelaysMs: readonly number[]
  isAck(status: number, body: string): boolean
}

export interface Push {
  pushId: string
  url: string
  body: string
  trackingNos: string[]
}

interface Answer {
  status: number | null
  body: string | null
  outcome: 'answered' | 'refused' | 'timeout'
}

const MAX_ACK_BYTES = 64 * 1024

function post(url: string, body: string, waitMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (answer: Answer) => {
      if (!settled) {
        settled = true
        clearTimeout(timer)
        resolve(answer)
      }
    }
    // No keep-alive agent: a pooled socket would outlive the sandbox and keep test runners alive.
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= MAX_ACK_BYTES) chunks.push(chunk)
        })
        response.on('end', () =>
          finish({ status: response.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8'), outcome: 'answered' }),
        )
        response.on('error', () => finish({ status: response.statusCode ?? null, body: null, outcome: 'refused' }))
      },
    )
    const timer = setTimeout(() => {
      finish({ status: null, body: null, outcome: 'timeout' })
      request.destroy()
    }, waitMs)
    request.on('error', () => finish({ status: null, body: null, outcome: 'refused' }))
    request.end(body)
  })
}

export class DeliveryQueue {
  private readonly log: DeliveryAttempt[] = []

  constructor(
    private readonly clock: SandboxClock,
    private readonly speed: number,
  ) {}

  attempts(): DeliveryAttempt[] {
    return this.log.map((attempt) => ({ ...attempt, trackingNos: [...attempt.trackingNos] }))
  }

  /** Sends now (inside a clock task that is already due). */
  sendNow(push: Push, policy: PushPolicy): Promise<void> {
    return this.attempt(push, policy, 1)
  }

  private async attempt(push: Push, policy: PushPolicy, attempt: number): Promise<void> {
    const at = this.clock.now()
    const answer = await post(push.url, push.body, this.clock.responseWaitMs(policy.timeoutMs))
    const ackOk = answer.outcome === 'answered' && answer.status !== null && policy.isAck(answer.status, answer.body ?? '')
    const outcome: AttemptOutcome = ackOk
      ? 'acked'
      : answer.outcome !== 'answered'
        ? answer.outcome
        : answer.status === 200
          ? 'bad-ack'
          : 'http-error'
    // A manual clock does not move during I/O; a timeout is known to have happened at at + timeout.
    const failedAt = outcome === 'timeout' ? Math.max(this.clock.now(), at + policy.timeoutMs) : this.clock.now()
    const delay = policy.retryDelaysMs[attempt - 1]
    const nextAttemptAt = ackOk || delay === undefined ? null : failedAt + Math.round(delay / this.speed)
    this.log.push({
      pushId: push.pushId,
      vendor: policy.vendor,
      url: push.url,
      body: push.body,
      trackingNos: push.trackingNos,
      attempt,
      at,
      status: answer.status,
      responseBody: answer.body,
      ackOk,
      outcome,
      nextAttemptAt,
    })
    if (nextAttemptAt !== null) this.clock.schedule(nextAttemptAt, () => this.attempt(push, policy, attempt + 1))
  }
}
