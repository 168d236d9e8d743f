import { render } from '@testing-library/react'
import { ExceptionBanner } from './ExceptionBanner'
import { exceptionAdvice } from './exceptionAdvice'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('ExceptionBanner', () => {
  it('says what went wrong and what happens next', () => {
    const advice = exceptionAdvice({ status: 'RETURNING', subStatus: 'REFUSED', terminal: false, lastEventAt: NOW, shippedAt: NOW }, NOW)
    if (!advice) throw new Error('expected advice')
    const { container } = render(<ExceptionBanner advice={advice} />)
    expect(container.querySelector('.ps-exception-banner--danger')).not.toBeNull()
    expect(container.querySelector('.ps-exception-banner__title')?.textContent).toBe('包裹已被拒收')
    expect(container.querySelector('.ps-exception-banner__body')?.textContent).toContain('退回商家')
  })
})
