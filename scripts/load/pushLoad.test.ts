import { loadFailures, type PushLoadReport } from './pushLoad'

const clean: PushLoadReport = {
  connections: 2,
  parcels: 2,
  elapsedMs: 1000,
  requests: 10,
  sent: { new: 4, duplicate: 2, 'out-of-order': 2, forged: 2 },
  validRefused: 0,
  forgedAccepted: 0,
  transportErrors: 0,
  samples: [],
  requestsPerSecond: 10,
  validPerSecond: 8,
  latency: { samples: 8, p50_ms: 1, p95_ms: 2, p99_ms: 2, max_ms: 2 },
  mismatches: [],
}

test('a run that held every property has no failures', () => {
  expect(loadFailures(clean)).toEqual([])
})

test.each([
  [{ validRefused: 2 }, '2 valid push(es) answered with an error'],
  [{ forgedAccepted: 1 }, '1 forged push(es) not refused'],
  [{ transportErrors: 3 }, '3 push(es) got no answer'],
  [
    { mismatches: [{ parcelId: 'YTO:YT1', problem: 'status PENDING, expected DELIVERED' }] },
    '1 parcel(s) differ from the expectation, e.g. YTO:YT1: status PENDING, expected DELIVERED',
  ],
])('each broken property is named: %j', (broken, failure) => {
  expect(loadFailures({ ...clean, ...broken })).toEqual([failure])
})
