import { renderKdniaoShipment } from './kdniaoRender'
import { renderKuaidi100PushParam, renderKuaidi100Result } from './kuaidi100Render'
import type { TimedEvent } from './stories'

// 2025-01-02 09:58:00 and 10:30:00 Beijing time.
const pickedUp: TimedEvent = {
  instant: Date.UTC(2025, 0, 2, 1, 58),
  atMinute: 0,
  stage: 'picked-up',
  province: '广东',
  city: '深圳市',
  text: '【深圳市】已揽收',
}
const arrived: TimedEvent = {
  instant: Date.UTC(2025, 0, 2, 2, 30),
  atMinute: 32,
  stage: 'arrived-dest-city',
  province: '北京',
  city: '北京市',
  text: '【北京市】已到达',
}
const events: TimedEvent[] = [pickedUp, arrived]

describe('renderKdniaoShipment', () => {
  it('detailed (8001/102): ascending traces with Location/Action, State/StateEx of the newest', () => {
    const shipment = renderKdniaoShipment({
      eBusinessId: '1900001',
      shipperCode: 'YTO',
      logisticCode: 'YT1',
      events: [...events].reverse(),
      detailed: true,
    })
    expect(shipment).toEqual({
      EBusinessID: '1900001',
      OrderCode: '',
      ShipperCode: 'YTO',
      LogisticCode: 'YT1',
      Success: true,
      Reason: '',
      State: '2',
      StateEx: '201',
      Location: '北京市',
      Traces: [
        { AcceptTime: '2025-01-02 09:58:00', AcceptStation: '【深圳市】已揽收', Location: '深圳市', Action: '1' },
        { AcceptTime: '2025-01-02 10:30:00', AcceptStation: '【北京市】已到达', Location: '北京市', Action: '201' },
      ],
    })
  })

  it('basic (1002/101): no StateEx, Location or Action', () => {
    const shipment = renderKdniaoShipment({
      eBusinessId: '1',
      shipperCode: 'YTO',
      logisticCode: 'YT1',
      events,
      detailed: false,
      callback: 'cb',
    })
    expect(shipment).not.toHaveProperty('StateEx')
    expect(shipment.Traces).toEqual([
      { AcceptTime: '2025-01-02 09:58:00', AcceptStation: '【深圳市】已揽收' },
      { AcceptTime: '2025-01-02 10:30:00', AcceptStation: '【北京市】已到达' },
    ])
    expect(shipment.Callback).toBe('cb')
  })

  it('no trace: Success true, State "0", Traces [], Reason 暂无轨迹信息', () => {
    expect(renderKdniaoShipment({ eBusinessId: '1', shipperCode: 'SF', logisticCode: 'SF1', events: [], detailed: true })).toMatchObject({
      Success: true,
      State: '0',
      StateEx: '0',
      Traces: [],
      Reason: '暂无轨迹信息',
    })
  })
})

describe('renderKuaidi100Result', () => {
  it('newest first by default, strings everywhere', () => {
    const result = renderKuaidi100Result({ com: 'yuantong', nu: 'YT1', events })
    expect(result).toEqual({
      message: 'ok',
      nu: 'YT1',
      ischeck: '0',
      condition: 'F00',
      com: 'yuantong',
      status: '200',
      state: '0',
      data: [
        { context: '【北京市】已到达', time: '2025-01-02 10:30:00', ftime: '2025-01-02 10:30:00', statusCode: '1001' },
        { context: '【深圳市】已揽收', time: '2025-01-02 09:58:00', ftime: '2025-01-02 09:58:00', statusCode: '103' },
      ],
    })
  })

  it('order asc, and resultv2 adds areaName and the status name', () => {
    const result = renderKuaidi100Result({ com: 'yuantong', nu: 'YT1', events, order: 'asc', resultv2: '4' })
    expect(result.data).toEqual([
      expect.objectContaining({ context: '【深圳市】已揽收', areaName: '广东,深圳市', status: '揽收' }),
      expect.objectContaining({ context: '【北京市】已到达', areaName: '北京,北京市', status: '在途' }),
    ])
  })

  it('ischeck is "1" once signed', () => {
    const signed: TimedEvent = { ...arrived, instant: arrived.instant + 1, stage: 'delivered' }
    expect(renderKuaidi100Result({ com: 'yuantong', nu: 'YT1', events: [...events, signed] })).toMatchObject({ ischeck: '1', state: '3' })
  })
})

describe('renderKuaidi100PushParam', () => {
  it('keeps the vendor sample key order', () => {
    const param = renderKuaidi100PushParam({ status: 'polling', lastResult: { message: 'ok' } })
    expect(JSON.stringify(param)).toBe(
      '{"status":"polling","message":"","autoCheck":"0","comOld":"","comNew":"","lastResult":{"message":"ok"}}',
    )
  })
})
