// Whether the page is receiving changes as they happen. `reconnecting` carries when the next try is
// due so the page can count down; `offline` means the automatic retries are used up.
export type LiveState =
  { kind: 'connecting' } | { kind: 'live' } | { kind: 'reconnecting'; attempt: number; retryAt: number } | { kind: 'offline' }
