/**
 * Which GitHub API failures are worth another try, and after how long. 5xx answers and network
 * errors back off exponentially; 429 and secondary rate limits wait for `retry-after` (or the
 * rate-limit reset). Everything else (401, 403, 404, 422) is an answer, not a fault: no retry.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number
  /** First back-off; doubled at each retry. */
  readonly baseMs: number
  /** A wait longer than this is not worth it: the error is reported instead. */
  readonly maxWaitMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxWaitMs: 60_000 }

interface ErrorLike {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, string | number | undefined> }
}

/** Milliseconds to wait before try `attempt + 1`, or undefined when the error is not worth a retry. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, now: number = Date.now()): number | undefined {
  if (attempt >= policy.attempts) return undefined
  const e = (error ?? {}) as ErrorLike
  const status = typeof e.status === 'number' ? e.status : undefined
  const headers = e.response?.headers ?? {}
  const message = typeof e.message === 'string' ? e.message : ''
  const backoff = policy.baseMs * 2 ** (attempt - 1)
  const rateLimited =
    status === 429 || (status === 403 && (/rate limit/i.test(message) || String(headers['x-ratelimit-remaining']) === '0'))
  let wait: number | undefined
  if (rateLimited) {
    const retryAfter = Number(headers['retry-after'])
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(retryAfter) && retryAfter >= 0) wait = retryAfter * 1000
    else if (Number.isFinite(reset) && reset > 0) wait = Math.max(0, reset * 1000 - now)
    else wait = Math.max(backoff, 60_000)
  } else if (status === undefined || status >= 500) {
    wait = backoff
  }
  return wait !== undefined && wait <= policy.maxWaitMs ? wait : undefined
}

/** Runs `fn`, trying again after the waits `retryDelay` allows. */
export async function withRetries<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: unknown, waitMs: number, attempt: number) => void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      const wait = retryDelay(error, attempt, policy)
      if (wait === undefined) throw error
      onRetry(error, wait, attempt)
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
