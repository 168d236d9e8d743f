// Vendor fixture → expected normalised output (karrio's pattern): fixtures/<case>.json is what
// Kdniao sends, expected/<case>.json what core makes of it, including the parcel state it yields.
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { emptyTracking, mergeSnapshot } from '../../tracking/parcelTracking'
import { encodeForm } from '../formBody'
import type { WaybillSnapshotResult } from '../vendorWire'
import { kdniaoDataSign } from './kdniaoDataSign'
import { readKdniaoPush } from './kdniaoPush'
import { parseKdniaoQueryResponse, parseKdniaoRecognitionResponse, parseKdniaoSubscribeResponse } from './kdniaoResponses'
import { nodeDigests } from '../../../server/platform/digests'

const TEST_APP_KEY = '00000000-1111-2222-3333-444444444444'

type Fixture =
  { kind: 'push'; requestType: string; requestData: unknown } | { kind: 'query' | 'subscribe' | 'recognition'; response: unknown }

const read = (folder: string, file: string) => JSON.parse(readFileSync(path.join(__dirname, folder, file), 'utf8'))

function withTracking(result: WaybillSnapshotResult | { ok: false }) {
  if (!('snapshot' in result)) return result
  const { events: _events, signals: _signals, ...tracking } = mergeSnapshot(emptyTracking(), result.snapshot)
  return { ...result, tracking }
}

function runFixture(fixture: Fixture): unknown {
  switch (fixture.kind) {
    case 'push': {
      const requestData = JSON.stringify(fixture.requestData)
      const body = encodeForm([
        ['RequestData', requestData],
        ['RequestType', fixture.requestType],
        ['DataSign', kdniaoDataSign(requestData, TEST_APP_KEY, nodeDigests)],
      ])
      const read = readKdniaoPush(body, TEST_APP_KEY, nodeDigests)
      if (!read.ok || !read.tracking) return read
      return { ...read, push: { ...read.push, waybills: read.push.waybills.map(withTracking) } }
    }
    case 'query':
      return withTracking(parseKdniaoQueryResponse(JSON.stringify(fixture.response), nodeDigests))
    case 'subscribe':
      return parseKdniaoSubscribeResponse(JSON.stringify(fixture.response))
    case 'recognition':
      return parseKdniaoRecognitionResponse(JSON.stringify(fixture.response))
  }
}

const cases = readdirSync(path.join(__dirname, 'fixtures'))
  .filter((file) => file.endsWith('.json'))
  .sort()

describe('Kdniao fixtures', () => {
  it.each(cases)('%s', (file) => {
    expect(runFixture(read('fixtures', file))).toEqual(read('expected', file))
  })

  it('has an expectation for every fixture', () => {
    expect(readdirSync(path.join(__dirname, 'expected')).sort()).toEqual(cases)
  })
})
