// `pushInbox` (DESIGN §3.3): every verified push, keyed by sha256(vendor + raw body), recorded before
// it is applied and acknowledged; a row left `received` by a storage failure is re-driven by the poll.
// A document holds at most 512 KB (reference/wechat.md §2.5) and a vendor batch can be larger (Kdniao
// batches many waybills, each a full snapshot, form-encoded), so a large body is kept in slices in
// `pushInboxParts`, written before the row that names them: a row never points at missing slices.
import { PUSH_OUTCOMES, type PushInboxDoc, type PushInboxPartDoc, type PushOutcome } from '../../core/api'
import * as z from '../../core/validation/zod'
import { COLLECTIONS, withoutId, type Database } from '../platform/database'

/** Characters per slice: at most 3 UTF-8 bytes each (form bodies are ASCII), well under 512 KB. */
export const BODY_SLICE_CHARS = 150_000

export type NewInboxRow = Omit<PushInboxDoc, 'rawBody' | 'bodyParts'>

const SETTLED: PushOutcome[] = ['applied', 'unknown_parcel', 'failed']

/** A stored row as the pipeline relies on it; typed against PushInboxDoc so the two cannot drift. */
const pushInboxDocSchema: z.ZodMiniType<PushInboxDoc> = z.object({
  _id: z.string(),
  vendor: z.enum(['kdniao', 'kuaidi100']),
  rawBody: z.nullable(z.string()),
  bodyParts: z.number(),
  receivedAt: z.number(),
  outcome: z.enum(PUSH_OUTCOMES),
  parcelIds: z.array(z.string()),
  lastError: z.nullable(z.string()),
  attempts: z.number(),
})
const inboxRefSchema = z.object({ _id: z.string(), bodyParts: z.number() })

/** Rows read back from the database; a row that is not one is corrupt storage, a bug, not input. */
function parsed<T>(schema: z.ZodMiniType<T>, rows: unknown): T[] {
  const result = z.array(schema).safeParse(rows)
  if (!result.success)
    throw new Error(
      `pushInbox: stored rows do not parse (${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
    )
  return result.data
}

export function pushInboxRepository(db: Database) {
  const inbox = () => db.collection(COLLECTIONS.pushInbox)
  const parts = () => db.collection(COLLECTIONS.pushInboxParts)
  const _ = db.command
  return {
    async get(id: string): Promise<PushInboxDoc | null> {
      return (await inbox().doc(id).get()).data as PushInboxDoc | null
    },
    /** Records the row and its body; writing the same push again overwrites it with the same content. */
    async put(row: NewInboxRow, rawBody: string): Promise<void> {
      if (rawBody.length <= BODY_SLICE_CHARS) {
        await inbox()
          .doc(row._id)
          .set({ data: withoutId({ ...row, rawBody, bodyParts: 0 }) })
        return
      }
      const count = Math.ceil(rawBody.length / BODY_SLICE_CHARS)
      for (let index = 0; index < count; index += 1) {
        const part: PushInboxPartDoc = {
          _id: `${row._id}.${index}`,
          inboxId: row._id,
          index,
          text: rawBody.slice(index * BODY_SLICE_CHARS, (index + 1) * BODY_SLICE_CHARS),
        }
        await parts()
          .doc(part._id)
          .set({ data: withoutId(part) })
      }
      await inbox()
        .doc(row._id)
        .set({ data: withoutId({ ...row, rawBody: null, bodyParts: count }) })
    },
    /** The raw body of a row; null when a slice is missing (never expected: slices are written first). */
    async bodyOf(row: PushInboxDoc): Promise<string | null> {
      if (row.bodyParts === 0) return row.rawBody
      const slices: string[] = []
      for (let index = 0; index < row.bodyParts; index += 1) {
        const part = (await parts().doc(`${row._id}.${index}`).get()).data as PushInboxPartDoc | null
        if (!part) return null
        slices.push(part.text)
      }
      return slices.join('')
    },
    async settle(id: string, outcome: PushOutcome, parcelIds: string[], lastError: string | null): Promise<void> {
      await inbox()
        .doc(id)
        .update({ data: { outcome, parcelIds: _.set(parcelIds), lastError } })
    },
    /** Settled rows (anything but `received`, which still waits to be applied) received at or before
     * `cutoff`, oldest first: what retention may delete. */
    async settledBefore(cutoff: number, limit: number): Promise<Array<Pick<PushInboxDoc, '_id' | 'bodyParts'>>> {
      const rows = await inbox()
        .where({ outcome: _.in(SETTLED), receivedAt: _.lte(cutoff) })
        .orderBy('receivedAt', 'asc')
        .limit(limit)
        .get()
      return parsed(inboxRefSchema, rows.data).map((row) => ({ _id: row._id, bodyParts: row.bodyParts }))
    },
    /** Deletes rows and their body slices; slices first, so a row never points at missing slices. */
    async remove(rows: ReadonlyArray<Pick<PushInboxDoc, '_id' | 'bodyParts'>>): Promise<number> {
      if (rows.length === 0) return 0
      const sliced = rows.filter((row) => row.bodyParts > 0).map((row) => row._id)
      if (sliced.length > 0)
        await parts()
          .where({ inboxId: _.in(sliced) })
          .remove()
      return (
        await inbox()
          .where({ _id: _.in(rows.map((row) => row._id)) })
          .remove()
      ).stats.removed
    },
    async unapplied(receivedBefore: number, limit: number): Promise<PushInboxDoc[]> {
      return parsed(
        pushInboxDocSchema,
        (
          await inbox()
            .where({ outcome: 'received', receivedAt: _.lte(receivedBefore) })
            .orderBy('receivedAt', 'asc')
            .limit(limit)
            .get()
        ).data,
      )
    },
  }
}

export type PushInboxRepository = ReturnType<typeof pushInboxRepository>
