import type { Doc } from './ejson'
import type { DocChange } from './store'
import { MAX_WATCH_RECORDS, WatchSession, type WatchEvent } from './watchSession'

const spec = (query: Doc, extra: { order?: Record<string, 1 | -1>; limit?: number } = {}) => ({
  queryID: 'q1',
  env: 'test-x',
  collection: 'parcels',
  query,
  ...extra,
})
const change = (kind: DocChange['kind'], before: Doc | undefined, after: Doc | undefined): DocChange => ({
  collection: 'parcels',
  id: (before ?? after)?._id as string,
  kind,
  before,
  after,
})
const brief = (events: WatchEvent[]) => events.map((event) => [event.DocID, event.DataType, event.QueueType])

function started(query: Doc, docs: Doc[], extra = {}): WatchSession {
  const session = new WatchSession(spec(query, extra))
  const init = session.init(docs)
  if (init.kind !== 'events') throw new Error('overflow')
  return session
}

const apply = (session: WatchSession, changes: DocChange[], all: Doc[] = []) => {
  const update = session.apply(changes, () => all)
  if (update.kind !== 'events') throw new Error('overflow')
  return update.events
}

test('init lists the matching documents, by _id descending without orderBy, all with the init event id', () => {
  const session = new WatchSession(spec({ orderId: 'A' }))
  const init = session.init([
    { _id: 'p1', orderId: 'A' },
    { _id: 'p3', orderId: 'A' },
    { _id: 'p2', orderId: 'B' },
  ])
  expect(init.kind === 'events' && init.events.map((event) => [event.DocID, event.DataType, event.QueueType, event.ID])).toEqual([
    ['p3', 'init', 'init', 1],
    ['p1', 'init', 'init', 1],
  ])
})

describe('event for each kind of write (reference/wechat.md §2.4 table)', () => {
  const a = { _id: 'p1', orderId: 'A', status: 'IN_TRANSIT', addr: { city: 'SZ' } }
  test.each<[string, Doc[], DocChange, Array<[string, string, string]>]>([
    ['update inside the result', [a], change('update', a, { ...a, status: 'DELIVERED' }), [['p1', 'update', 'update']]],
    ['set (replace) inside the result', [a], change('replace', a, { _id: 'p1', orderId: 'A' }), [['p1', 'replace', 'update']]],
    ['add into the result', [], change('insert', undefined, a), [['p1', 'add', 'enqueue']]],
    ['remove from the result', [a], change('remove', a, undefined), [['p1', 'remove', 'dequeue']]],
    ['update that leaves the query', [a], change('update', a, { ...a, orderId: 'B' }), [['p1', 'update', 'dequeue']]],
    ['update that enters the query', [], change('update', { ...a, orderId: 'B' }, a), [['p1', 'update', 'enqueue']]],
    ['write outside the query', [], change('insert', undefined, { _id: 'p9', orderId: 'Z' }), []],
  ])('%s', (_label, initial, write, expected) => {
    const session = started({ orderId: 'A' }, initial)
    expect(brief(apply(session, [write]))).toEqual(expected)
  })

  test('updates carry UpdatedFields, lower-case removedFields and the full Doc', () => {
    const session = started({ orderId: 'A' }, [a])
    const events = apply(session, [change('update', a, { _id: 'p1', orderId: 'A', status: 'DELIVERED' })])
    expect(events).toHaveLength(1)
    expect(
      events.map((event) => [
        JSON.parse(event.UpdatedFields as string),
        JSON.parse(event.removedFields as string),
        JSON.parse(event.Doc as string),
        event.ID,
      ]),
    ).toEqual([[{ status: 'DELIVERED' }, ['addr'], { _id: 'p1', orderId: 'A', status: 'DELIVERED' }, 2]])
  })

  test('a remove carries no Doc (the client uses its cached one)', () => {
    const session = started({ orderId: 'A' }, [a])
    const events = apply(session, [change('remove', a, undefined)])
    expect(events.map((event) => event.Doc)).toEqual([undefined])
  })
})

test('all changes of one commit share one event id; unrelated commits do not advance it', () => {
  const session = started({ orderId: 'A' }, [])
  const events = apply(session, [
    change('insert', undefined, { _id: 'p1', orderId: 'A' }),
    change('insert', undefined, { _id: 'p2', orderId: 'A' }),
  ])
  expect(events.map((event) => event.ID)).toEqual([2, 2])
  expect(apply(session, [change('insert', undefined, { _id: 'p3', orderId: 'B' })])).toEqual([])
  expect(session.currEvent).toBe(2)
  expect(session.apply([{ ...change('insert', undefined, { _id: 'x', orderId: 'A' }), collection: 'orders' }], () => []).kind).toBe(
    'events',
  )
  expect(session.currEvent).toBe(2)
})

test('a limited watch reports documents pushed in and out by the limit', () => {
  const docs = [
    { _id: 'p1', n: 1 },
    { _id: 'p2', n: 2 },
    { _id: 'p3', n: 3 },
  ]
  const session = started({}, docs, { order: { n: -1 }, limit: 2 })
  const inserted = { _id: 'p4', n: 4 }
  const events = apply(session, [change('insert', undefined, inserted)], [...docs, inserted])
  expect(brief(events)).toEqual([
    ['p4', 'add', 'enqueue'],
    ['p2', 'limit', 'dequeue'],
  ])
  const removed = apply(session, [change('remove', inserted, undefined)], docs)
  expect(brief(removed)).toEqual([
    ['p4', 'remove', 'dequeue'],
    ['p2', 'limit', 'enqueue'],
  ])
})

test('REBUILD_WATCH gets the events after a given id', () => {
  const session = started({}, [])
  apply(session, [change('insert', undefined, { _id: 'p1' })])
  apply(session, [change('insert', undefined, { _id: 'p2' })])
  expect(session.eventsAfter(2)?.map((event) => event.DocID)).toEqual(['p2'])
  expect(session.eventsAfter(1)?.map((event) => event.DocID)).toEqual(['p1', 'p2'])
  expect(session.eventsAfter(3)).toEqual([])
})

test(`more than ${MAX_WATCH_RECORDS} records is an overflow`, () => {
  const docs = Array.from({ length: MAX_WATCH_RECORDS + 1 }, (_, index) => ({ _id: `p${index}` }))
  expect(new WatchSession(spec({})).init(docs).kind).toBe('overflow')
  const session = started({}, docs.slice(0, MAX_WATCH_RECORDS))
  expect(session.apply([change('insert', undefined, docs[MAX_WATCH_RECORDS])], () => docs).kind).toBe('overflow')
})
