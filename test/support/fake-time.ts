/**
 * Fake time for the GitHub client against the stand-in: the client's waits (back-offs, rate limits,
 * pacing) cost no real time, and what it waited shows on the fake clock.
 */
import { vi } from 'vitest'

const NULL_BODY = [101, 204, 205, 304]
/** Real time, for an answer that is slow on purpose. */
const realSetTimeout = globalThis.setTimeout
export const realSleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms))

/** Requests of the client whose answer has not been read in full yet. */
let inFlight = 0

/**
 * Node's fetch, counted: the fake clock may move on only while no answer is on its way, or it
 * would fire the HTTP client's own timeouts (undici's timers are faked too) under a slow machine.
 */
export const countedFetch: typeof globalThis.fetch = async (input, init) => {
  inFlight++
  try {
    const response = await fetch(input, init)
    const body = await response.arrayBuffer()
    return new Response(NULL_BODY.includes(response.status) ? null : body, response)
  } finally {
    inFlight--
  }
}

/** Where the fake clock stopped: it only moves on, because Octokit's schedulers remember when they last ran. */
let stoppedAt = 0
export const fakeNow = () => stoppedAt

/**
 * Runs `work` on fake time: it jumps from one timer to the next, and lets real I/O (the stand-in)
 * run in between. Every call of a client made with `countedFetch` runs here.
 */
export async function onFakeTime<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Math.max(Date.now(), stoppedAt) })
  try {
    let settled = false
    const result = work().finally(() => {
      settled = true
    })
    result.catch(() => undefined)
    while (!settled) {
      if (inFlight === 0) await vi.advanceTimersToNextTimerAsync()
      await new Promise((resolve) => setImmediate(resolve))
    }
    return await result
  } finally {
    stoppedAt = Date.now()
    vi.useRealTimers()
  }
}
