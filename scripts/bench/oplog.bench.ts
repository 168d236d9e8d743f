// What durability costs the local cloud (issue 18): one acknowledged single-document write through
// the Store, in memory, with the op-log (a synchronous write per commit) and with --fsync (plus a
// flush to the disk per commit); then the start-up work for a data dir of DOCS orders (replay and
// compaction) and an export/import of it. Writes are order-sized documents; times are medians (and
// p95) over the runs on this box's disk (tmpdir), so they compare the modes within one run.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { applyImport, readExport, writeExport } from '../../dev/cloud/exportImport'
import { LOG_FILE, OpLog } from '../../dev/cloud/persistence'
import { Store, type DocChange } from '../../dev/cloud/store'
import type { Benchmark, BenchResult } from './types'

const WRITES = 2000
const FSYNC_WRITES = 300
const DOCS = 20_000

const order = (index: number) => ({
  _id: `order-${index}`, _openid: 'dev-shopper', status: 'PAID', totalFen: 16800 + index, createdAt: new Date(Date.UTC(2026, 2, 1) + index * 1000),
  items: [{ productId: 'prod-longjing-tea', title: '明前龙井 250g', priceFen: 16800, quantity: 1 }],
  address: { userName: '测试收件人', telMasked: '138****5678', province: '北京市', city: '北京市', county: '朝阳区', detail: '望京街道 1 号' },
})
const insert = (index: number): DocChange[] => [{ collection: 'orders', id: `order-${index}`, kind: 'insert', before: undefined, after: order(index) }]

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}
const us = (ms: number) => Math.round(ms * 1000)

function timeWrites(store: Store, count: number): { medianUs: number; p95Us: number } {
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    const started = performance.now()
    const written = store.commit('dev-local', insert(index))
    times.push(performance.now() - started)
    if (!written.ok) throw new Error(written.message)
  }
  times.sort((a, b) => a - b)
  return { medianUs: us(quantile(times, 0.5)), p95Us: us(quantile(times, 0.95)) }
}

function writeCosts(dir: string): BenchResult {
  const memory = timeWrites(new Store(['orders']), WRITES)
  const logged = (fsync: boolean, count: number, sub: string) => {
    const store = new Store(['orders'])
    const { log } = OpLog.open(path.join(dir, sub), store, { fsync })
    store.setJournal(log)
    try {
      return timeWrites(store, count)
    } finally {
      log.close()
    }
  }
  const oplog = logged(false, WRITES, 'nofsync')
  const fsync = logged(true, FSYNC_WRITES, 'fsync')
  return {
    label: 'one acknowledged write (order-sized document)',
    figures: {
      'memory median µs': memory.medianUs, 'memory p95 µs': memory.p95Us,
      'op-log median µs': oplog.medianUs, 'op-log p95 µs': oplog.p95Us,
      'op-log + fsync median µs': fsync.medianUs, 'op-log + fsync p95 µs': fsync.p95Us,
      'fsync / op-log (median)': Math.round((fsync.medianUs / Math.max(1, oplog.medianUs)) * 10) / 10,
    },
    note: `${WRITES} writes (${FSYNC_WRITES} with fsync) on ${tmpdir()}; fsync is on for npm start, off for tests and npm run devcloud unless --fsync`,
  }
}

function startAndTransfer(dir: string): BenchResult {
  const data = path.join(dir, 'big')
  const first = new Store(['orders'])
  const opened = OpLog.open(data, first)
  first.setJournal(opened.log)
  for (let index = 0; index < DOCS; index += 1) first.commit('dev-local', insert(index))
  opened.log.close()
  const logBytes = statSync(path.join(data, LOG_FILE)).size

  let started = performance.now()
  const second = new Store(['orders'])
  const reopened = OpLog.open(data, second)
  const replayAndCompactMs = performance.now() - started
  reopened.log.close()
  const compactedBytes = statSync(path.join(data, LOG_FILE)).size

  const target = path.join(dir, 'export')
  started = performance.now()
  const exported = writeExport(second, target, new Date(Date.UTC(2026, 2, 1)))
  const exportMs = performance.now() - started
  if (!exported.ok) throw new Error(exported.reason)
  started = performance.now()
  const read = readExport(target)
  if (!read.ok) throw new Error(read.reason)
  const imported = applyImport(new Store(['orders']), read.data)
  const importMs = performance.now() - started
  if (!imported.ok) throw new Error(imported.reason)
  return {
    label: `a data dir of ${DOCS} orders`,
    figures: {
      'op-log bytes (one line per write)': logBytes,
      'compacted bytes': compactedBytes,
      'start: replay + compaction ms': Math.round(replayAndCompactMs),
      'export ms': Math.round(exportMs),
      'import (read + check + apply) ms': Math.round(importMs),
    },
  }
}

const benchmark: Benchmark = {
  name: 'oplog',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-oplog-'))
    try {
      return [writeCosts(dir), startAndTransfer(dir)]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default benchmark
