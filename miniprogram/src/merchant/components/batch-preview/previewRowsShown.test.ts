import { parseBatchLines } from '../../batch/parseBatchLines'
import { previewBatch } from '../../batch/previewBatch'
import { MAX_ROWS_SHOWN, previewRowsShown } from './previewRowsShown'

function rows(text: string) {
  const parsed = parseBatchLines(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return previewBatch(parsed.lines, []).rows
}

const clean = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `O${from + i},YT14${String(from + i).padStart(11, '0')}`)

describe('previewRowsShown', () => {
  it('shows every problem and fills the rest of the budget with clean rows', () => {
    const all = rows([...clean(150), 'X1,ABC', 'X2,123456789012'].join('\n'))
    const { shown, hiddenReady } = previewRowsShown(all, false)
    expect(shown).toHaveLength(MAX_ROWS_SHOWN)
    expect(shown.slice(-2).map((row) => row.lineNo)).toEqual([151, 152])
    expect(hiddenReady).toBe(52)
  })

  it('shows only the problems when asked', () => {
    const { shown, hiddenReady } = previewRowsShown(rows([...clean(3), 'X1,ABC'].join('\n')), true)
    expect(shown.map((row) => row.lineNo)).toEqual([4])
    expect(hiddenReady).toBe(3)
  })

  it('shows a small batch whole', () => {
    expect(previewRowsShown(rows(clean(5).join('\n')), false)).toMatchObject({ hiddenReady: 0, shown: { length: 5 } })
  })
})
