// Optional persistence for the local stack (`npm start`): which story each number plays, when it
// started, and every subscription, so that after a restart the parcels in the persisted cloud keep
// moving on the same timeline instead of starting new stories with new scan times. Written whole
// (temporary file + rename) after every request and on close; tests run without it.
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'
import { carrierByCode } from './carriers'
import type { SandboxContext } from './context'
import { faultsSchema } from './faults'
import type { KdniaoPusher } from './kdniaoPushes'
import { tracesVisible } from './kdniaoHandlers'
import { phoneAccepted } from './kuaidi100Handlers'
import type { Kuaidi100Pusher } from './kuaidi100Pushes'
import type { Subscription } from './subscriptions'

const storedStory = z.object({
  trackingNo: z.string(),
  scenario: z.string(),
  faults: faultsSchema,
  phoneTail: z.string().optional(),
  startedAt: z.number(),
  anchorMinute: z.number(),
})
const storedAssignment = z.object({
  trackingNo: z.string(),
  scenario: z.string(),
  faults: faultsSchema.optional(),
  phoneTail: z.string().optional(),
  startedMinutesAgo: z.number().optional(),
})
const storedSubscription = z.object({
  vendor: z.enum(['kdniao', 'kuaidi100']),
  trackingNo: z.string(),
  carrier: z.string(),
  vendorCarrier: z.string(),
  scenario: z.string(),
  subscribedAt: z.number(),
  submissions: z.number(),
  state: z.enum(['active', 'ended', 'polling', 'shutdown', 'abort']),
  callbackUrl: z.string().nullable(),
  salt: z.string().nullable(),
  requestType: z.string().nullable(),
  callback: z.string().nullable(),
  orderCode: z.string().nullable(),
  phoneTail: z.string().nullable(),
  resultv2: z.string().nullable(),
  stateChangedAt: z.number(),
  generation: z.number(),
}) satisfies z.ZodType<Subscription>

const stateSchema = z.object({
  version: z.literal(1),
  assignments: z.array(storedAssignment),
  stories: z.array(storedStory),
  subscriptions: z.array(storedSubscription),
})

export function saveSandboxState(file: string, context: SandboxContext): void {
  const state: z.infer<typeof stateSchema> = { version: 1, ...context.stories.exportState(), subscriptions: context.subscriptions.all() }
  mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  writeFileSync(temporary, JSON.stringify(state))
  renameSync(temporary, file)
}

/** Puts stories and subscriptions back and re-plans the pushes still to come. Returns how many subscriptions resumed. */
export function restoreSandboxState(
  file: string,
  context: SandboxContext,
  pushers: { kdniao: KdniaoPusher; kuaidi100: Kuaidi100Pusher },
): number {
  if (!existsSync(file)) return 0
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`sandbox state file ${file} is not valid: ${z.prettifyError(parsed.error)}`)
  context.stories.importState(parsed.data)
  const now = context.clock.now()
  let resumed = 0
  for (const subscription of context.subscriptions.restore(parsed.data.subscriptions)) {
    const story = context.stories.find(subscription.trackingNo)
    const carrier = carrierByCode(subscription.carrier)
    if (!story || !carrier || !['active', 'polling'].includes(subscription.state)) continue
    if (subscription.vendor === 'kdniao') {
      pushers.kdniao.plan(subscription, story, tracesVisible(context, story, carrier, subscription.phoneTail ?? undefined), now)
    } else {
      pushers.kuaidi100.plan(
        subscription,
        story,
        context.stories.belongsTo(story, carrier.code) && phoneAccepted(story.phoneTail, carrier, subscription.phoneTail ?? undefined),
        now,
      )
    }
    resumed += 1
  }
  return resumed
}
