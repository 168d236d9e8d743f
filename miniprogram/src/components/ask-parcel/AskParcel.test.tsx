import { act, fireEvent, render, screen } from '@testing-library/react'
import type { AskParcelResult } from '@core/api'
import { AskParcel } from './AskParcel'

const ANSWER = '11月18日下单的竹制砧板（订单尾号 b002）：\n包裹：圆通速递 YT1400000000703，运输中。'

function setup(result: AskParcelResult | Error) {
  const ask = jest.fn(async (_question: string) => {
    if (result instanceof Error) throw result
    return result
  })
  const onOpenOrder = jest.fn()
  const view = render(<AskParcel ask={ask} onOpenOrder={onOpenOrder} />)
  const input = view.container.querySelector('input') as HTMLInputElement
  return { ask, onOpenOrder, view, input }
}

async function askFor(input: HTMLInputElement, question: string) {
  fireEvent.change(input, { target: { value: question } })
  await act(async () => {
    fireEvent.click(screen.getByText('问一下'))
  })
}

describe('AskParcel', () => {
  it('asks the trimmed question and shows the answer line by line, with a link to its order', async () => {
    const { ask, onOpenOrder, view, input } = setup({ ok: true, answer: ANSWER, orderId: 'order-b002', parcelIds: ['YTO:YT1400000000703'] })
    await askFor(input, '  我刚买的竹制砧板到哪了？ ')
    expect(ask).toHaveBeenCalledWith('我刚买的竹制砧板到哪了？')
    const lines = Array.from(view.container.querySelectorAll('.ps-ask__line')).map((line) => line.textContent)
    expect(lines).toEqual(ANSWER.split('\n'))
    fireEvent.click(screen.getByText('查看这个订单 ›'))
    expect(onOpenOrder).toHaveBeenCalledWith('order-b002')
  })

  it('lists the orders a vague question fits, each opening its order', async () => {
    const { onOpenOrder, view, input } = setup({
      ok: true,
      answer: '有 2 个订单符合：',
      choices: [
        { orderId: 'o1', parcelIds: [], label: '11月20日下单的竹制砧板：运输中' },
        { orderId: 'o2', parcelIds: [], label: '11月2日下单的竹制砧板：已签收' },
      ],
    })
    await askFor(input, '砧板呢')
    expect(screen.queryByText('查看这个订单 ›')).toBeNull()
    const choices = view.container.querySelectorAll('.ps-ask__choice')
    expect(Array.from(choices).map((choice) => choice.getAttribute('data-order-id'))).toEqual(['o1', 'o2'])
    fireEvent.click(screen.getByText('11月2日下单的竹制砧板：已签收'))
    expect(onOpenOrder).toHaveBeenCalledWith('o2')
  })

  it('does not ask an empty question', async () => {
    const { ask, input } = setup({ ok: true, answer: 'x' })
    await askFor(input, '   ')
    expect(ask).not.toHaveBeenCalled()
  })

  it('says so when the call fails, and when the question is refused as too long', async () => {
    const failing = setup(new Error('network'))
    await askFor(failing.input, '我的快递')
    expect(failing.view.container.textContent).toContain('没查到，请稍后再试。')
    failing.view.unmount()
    const refused = setup({ ok: false, reason: 'invalid_input', message: 'Too big' })
    await askFor(refused.input, '我的快递')
    expect(refused.view.container.textContent).toContain('问题太长了')
  })
})
