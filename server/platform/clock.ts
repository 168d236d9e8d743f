// Time is given, never read: use cases take `now()`; the cloud functions pass Date.now.
export type Clock = () => number

/** Waits between vendor calls to stay under a rate limit. */
export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
