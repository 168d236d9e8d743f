import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { numberFeedback } from '../../backfill/numberFeedback'
import { TrackingNumberField, type NumberFieldValue } from './TrackingNumberField'

/** The field as a page holds it: state here, feedback recomputed on every change. */
function Harness({ phoneTail = '' }: { phoneTail?: string }) {
  const [value, setValue] = useState<NumberFieldValue>({ input: '', picked: null, phoneTail })
  const feedback = numberFeedback(value)
  return (
    <>
      <TrackingNumberField value={value} feedback={feedback} phoneTailPrefilled={phoneTail !== ''} onChange={setValue} />
      <output data-testid='state'>{JSON.stringify({ carrier: feedback.carrier, ready: feedback.ready, picked: value.picked })}</output>
    </>
  )
}

const numberInput = (container: HTMLElement) => container.querySelector('[data-field="trackingNo"]') as HTMLInputElement
const type = (container: HTMLElement, text: string) => fireEvent.change(numberInput(container), { target: { value: text } })
const state = () => JSON.parse(screen.getByTestId('state').textContent ?? '{}')
const feedbackText = (container: HTMLElement) => container.querySelector('.mc-number-field__feedback')?.textContent

describe('TrackingNumberField', () => {
  beforeEach(() => jest.clearAllMocks())

  it('detects the carrier as the number is typed', () => {
    const { container } = render(<Harness />)
    type(container, 'sf14')
    expect(feedbackText(container)).toBe('单号至少 6 位')
    type(container, 'sf 1400 0000 00771')
    expect(feedbackText(container)).toContain('已识别：顺丰速运')
    expect(container.textContent).toContain('将录入为 SF1400000000771')
    // SF needs the phone tail: the field appears and the form is not ready without it.
    expect(container.querySelector('[data-field="phoneTail"]')).not.toBeNull()
    expect(state()).toEqual({ carrier: 'SF', ready: false, picked: null })
    fireEvent.change(container.querySelector('[data-field="phoneTail"]')!, { target: { value: '5678' } })
    expect(state()).toEqual({ carrier: 'SF', ready: true, picked: null })
  })

  it('prefills the phone tail from the order and says so', () => {
    const { container } = render(<Harness phoneTail='8000' />)
    type(container, 'SF1400000000771')
    expect((container.querySelector('[data-field="phoneTail"]') as HTMLInputElement).value).toBe('8000')
    expect(container.textContent).toContain('已按收件人手机预填')
    expect(state().ready).toBe(true)
  })

  it('asks for a pick on an ambiguous number, and keeps the pick as the number changes', () => {
    const { container } = render(<Harness />)
    type(container, '123456789012')
    expect(feedbackText(container)).toContain('这个单号可能属于多家快递')
    const chips = Array.from(container.querySelectorAll('.mc-carrier-chooser__chip')).map((chip) => chip.textContent)
    expect(chips).toEqual(['顺丰速运', '安能快递'])
    fireEvent.click(screen.getByText('安能快递'))
    expect(state()).toEqual({ carrier: 'ANE', ready: true, picked: 'ANE' })
    expect(feedbackText(container)).toContain('已选择：安能快递')
    // A number detection would give to YTO does not override the pick; it warns instead.
    type(container, 'YT1400000000772')
    expect(state()).toMatchObject({ carrier: 'ANE', picked: 'ANE' })
    expect(feedbackText(container)).toContain('单号格式更像 圆通速递，确认是 安能快递 吗？')
  })

  it('lets the merchant change a detected carrier', () => {
    const { container } = render(<Harness />)
    type(container, 'YT1400000000772')
    fireEvent.click(screen.getByText('更换'))
    fireEvent.click(screen.getByText('中通快递'))
    expect(state()).toMatchObject({ carrier: 'ZTO', picked: 'ZTO' })
  })

  it('scans a waybill barcode into the input', async () => {
    jest.mocked(Taro.scanCode).mockResolvedValueOnce({
      result: 'YT1400000000772',
      scanType: 'CODE_128',
      charSet: 'UTF-8',
      rawData: '',
      path: '',
      errMsg: 'scanCode:ok',
    } as never)
    const { container } = render(<Harness />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫码'))
    })
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['barCode'] })
    expect(numberInput(container).value).toBe('YT1400000000772')
    expect(feedbackText(container)).toContain('已识别：圆通速递')
  })

  it('keeps what was typed when the scan is cancelled', async () => {
    jest.mocked(Taro.scanCode).mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    const { container } = render(<Harness />)
    type(container, 'YT14')
    await act(async () => {
      fireEvent.click(screen.getByText('扫码'))
    })
    expect(numberInput(container).value).toBe('YT14')
  })
})
