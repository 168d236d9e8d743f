// cloudbase/indexes.json read by the local cloud: the indexes the real database would be given, and a
// warning (once per collection and query shape) when a function's query has no index to start from —
// the query that is instant on 50 seeded documents and a full scan on 100,000 in production. A query
// is served when it fixes `_id` or the leading field of some index (an `$or` only when every branch
// is served). Queries without a condition read in natural order up to their limit and need none.
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'
import { DEFAULT_CONFIG_DIR } from './config'
import { isPlainObject, type Doc } from './ejson'

const indexFileSchema = z
  .object({
    $comment: z.string().optional(),
    collections: z.record(
      z.string(),
      z.array(
        z
          .object({
            name: z.string().min(1),
            keys: z
              .record(z.string(), z.union([z.literal(1), z.literal(-1)]))
              .refine((keys) => Object.keys(keys).length > 0, 'at least one key'),
          })
          .strict(),
      ),
    ),
  })
  .strict()

export type IndexFile = z.infer<typeof indexFileSchema>

/** Leading field of each declared index, per collection. */
export function loadIndexes(configDir = DEFAULT_CONFIG_DIR): Map<string, Set<string>> {
  const file = path.join(configDir, 'indexes.json')
  const leading = new Map<string, Set<string>>()
  if (!existsSync(file)) return leading
  const parsed = indexFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
  for (const [collection, indexes] of Object.entries(parsed.data.collections)) {
    leading.set(collection, new Set(indexes.map((index) => Object.keys(index.keys)[0] ?? '')))
  }
  return leading
}

/** The fields a condition constrains for every document it matches (AND semantics). */
export function constrainedFields(condition: Doc): Set<string> {
  const fields = new Set<string>()
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) for (const field of constrainedFields(part)) fields.add(field)
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      const branches = value.map((part) => (isPlainObject(part) ? constrainedFields(part) : new Set<string>()))
      const [first, ...rest] = branches
      for (const field of first ?? []) if (rest.every((branch) => branch.has(field))) fields.add(field)
      // A branch-by-branch index (each branch served by a different index) also serves an $or.
      fields.add(`$or:${branches.map((branch) => [...branch].sort().join('+')).join('|')}`)
    } else if (!key.startsWith('$')) {
      fields.add(key)
    }
  }
  return fields
}

function served(condition: Doc, leading: ReadonlySet<string>): boolean {
  const fields = constrainedFields(condition)
  if (fields.has('_id') || [...fields].some((field) => leading.has(field))) return true
  const or = condition.$or
  if (Array.isArray(or) && or.length > 0) return or.every((branch) => isPlainObject(branch) && served(branch, leading))
  const and = condition.$and
  return Array.isArray(and) && and.some((part) => isPlainObject(part) && served(part, leading))
}

export class IndexAdvisor {
  private readonly warned = new Set<string>()
  readonly warnings: string[] = []

  constructor(
    private readonly leading: Map<string, Set<string>>,
    private readonly report: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** Records (and reports once) a query that no declared index serves. */
  check(collection: string, condition: Doc): void {
    if (Object.keys(condition).length === 0) return
    if (served(condition, this.leading.get(collection) ?? new Set())) return
    const shape = `${collection}: ${[...constrainedFields(condition)].sort().join(', ')}`
    if (this.warned.has(shape)) return
    this.warned.add(shape)
    const message = `[devcloud] no index in cloudbase/indexes.json serves this query on ${shape}`
    this.warnings.push(message)
    this.report(message)
  }
}

let shared: IndexAdvisor | undefined

/** The advisor for cloudbase/indexes.json, read on first use. */
export function indexAdvisor(): IndexAdvisor {
  shared ??= new IndexAdvisor(loadIndexes())
  return shared
}
