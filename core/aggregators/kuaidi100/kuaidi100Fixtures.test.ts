// Vendor fixture → expected normalised output (karrio's pattern): fixtures/<case>.json is what
// Kuaidi100 sends, expected/<case>.json what core makes of it, including the parcel state it yields.
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { emptyTracking, mergeSnapshot } from '../../tracking/parcelTracking'
import { encodeForm } from '../formBody'
import type { WaybillSnapshotResult } from '../vendorWire'
import { readKuaidi100Push } from './kuaidi100Push'
import { parseKuaidi100AutoNumberResponse, parseKuaidi100QueryResponse, parseKuaidi100SubscribeResponse } from './kuaidi100Responses'
import { kuaidi100CallbackSign } from './kuaidi100Sign'
import { nodeDigests } from '../../../server/platform/digests'

const SALT = 's3cr3t'

type Fixture = { kind: 'push'; param: unknown } | { kind: 'query' | 'subscribe' | 'autonumber'; response: unknown }

const read = (folder: string, file: string) => JSON.parse(readFileSync(path.join(__dirname, folder, file), 'utf8'))

function withTracking(result: WaybillSnapshotResult | { ok: false }) {
  if (!('snapshot' in result)) return result
  const { events: _events, ...tracking } = mergeSnapshot(emptyTracking(), result.snapshot)
  return { ...result, tracking }
}

function runFixture(fixture: Fixture): unknown {
  switch (fixture.kind) {
    case 'push': {
      const param = JSON.stringify(fixture.param)
      const result = readKuaidi100Push(
        encodeForm([
          ['param', param],
          ['sign', kuaidi100CallbackSign(param, SALT, nodeDigests)],
        ]),
        SALT,
        nodeDigests,
      )
      return result.ok ? { ...result, push: { ...result.push, waybill: withTracking(result.push.waybill) } } : result
    }
    case 'query':
      return withTracking(parseKuaidi100QueryResponse(JSON.stringify(fixture.response), nodeDigests))
    case 'subscribe':
      return parseKuaidi100SubscribeResponse(JSON.stringify(fixture.response))
    case 'autonumber':
      return parseKuaidi100AutoNumberResponse(JSON.stringify(fixture.response))
  }
}

const cases = readdirSync(path.join(__dirname, 'fixtures'))
  .filter((file) => file.endsWith('.json'))
  .sort()

describe('Kuaidi100 fixtures', () => {
  it.each(cases)('%s', (file) => {
    expect(runFixture(read('fixtures', file))).toEqual(read('expected', file))
  })

  it('has an expectation for every fixture', () => {
    expect(readdirSync(path.join(__dirname, 'expected')).sort()).toEqual(cases)
  })
})
