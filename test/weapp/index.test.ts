import { mountPage, textOf, waitFor } from './harness'

describe('weapp build in miniprogram-simulate', () => {
  it('renders the home page from the real dist', async () => {
    const page = mountPage('pages/index/index')
    await waitFor(() => textOf(page).includes('小店'), 'the shop title')
    expect(page.querySelector('.index__title')?.dom.textContent).toBe('小店')
  })
})
