import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { DEFAULT_RETRY, retryDelay } from '../../src/github/retry.js'
import { branchHead, type GitHubStandIn, pushFiles, startGitHubStandIn } from '../support/github-standin.js'

const err = (status: number | undefined, message = 'x', headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } })

describe('retryDelay', () => {
  it.each([
    ['502 on the first try: back off 1 s', err(502), 1, 1000],
    ['503 on the third try: 4 s', err(503), 3, 4000],
    ['a network error (no status): 1 s', err(undefined, 'fetch failed'), 1, 1000],
    ['429 with retry-after: what it says', err(429, 'too many', { 'retry-after': '7' }), 1, 7000],
    ['secondary rate limit (403 with retry-after)', err(403, 'You have exceeded a secondary rate limit', { 'retry-after': '3' }), 1, 3000],
    [
      'primary rate limit (403, remaining 0, reset in 20 s)',
      err(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1020' }),
      1,
      20_000,
    ],
  ])('%s', (_name, error, attempt, expected) => {
    expect(retryDelay(error, attempt, DEFAULT_RETRY, 1_000_000)).toBe(expected)
  })

  it.each([
    ['401', err(401, 'Bad credentials')],
    ['403 without a rate limit', err(403, 'Resource not accessible by integration')],
    ['404', err(404)],
    ['422', err(422, 'Update is not a fast forward')],
    ['a rate limit that resets in an hour', err(429, 'x', { 'retry-after': '3600' })],
  ])('does not retry %s', (_name, error) => {
    expect(retryDelay(error, 1, DEFAULT_RETRY)).toBeUndefined()
  })

  it('stops after the last attempt', () => {
    expect(retryDelay(err(500), DEFAULT_RETRY.attempts, DEFAULT_RETRY)).toBeUndefined()
  })
})

describe('the API client against injected faults', () => {
  let gh: GitHubStandIn
  beforeEach(async () => {
    gh = await startGitHubStandIn()
  })
  afterEach(() => gh.close())
  const api = (retries: string[]) =>
    createOctokitApi(
      'workflow-token',
      gh.url,
      { owner: 'acme', repo: 'shop' },
      { retry: { attempts: 4, baseMs: 10, maxWaitMs: 5000 }, onRetry: (m) => retries.push(m) },
    )
  const refRequests = () => gh.requests.filter((r) => /\/git\/ref\//.test(r.path)).map((r) => r.status)

  it('retries 5xx with back-off and succeeds', async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', /\/git\/ref\//, 502, 2)
    const retries: string[] = []
    expect(await api(retries).branchHead('main')).toBe(head)
    expect(refRequests()).toEqual([502, 502, 200])
    expect(retries[0]).toMatch(/^GitHub API GET .*\/git\/ref\/.* failed \(502 .*\); try 2 of 4 in 0 s$/)
  })

  it('honours retry-after on 429', async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', /\/git\/ref\//, 429, 1, 'API rate limit exceeded', { 'retry-after': '1' })
    const start = Date.now()
    expect(await api([]).branchHead('main')).toBe(head)
    expect(Date.now() - start).toBeGreaterThanOrEqual(950)
    expect(refRequests()).toEqual([429, 200])
  })

  it('honours a secondary rate limit (403 with retry-after)', async () => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext(
      'GET',
      /\/git\/ref\//,
      403,
      1,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      { 'retry-after': '1' },
    )
    expect(await api([]).branchHead('main')).toBeDefined()
    expect(refRequests()).toEqual([403, 200])
  })

  it('gives up after the last attempt and explains', async () => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', /\/git\/ref\//, 503, 10)
    await expect(api([]).branchHead('main')).rejects.toThrow("reading the branch 'main': GitHub answered 503")
    expect(refRequests()).toEqual([503, 503, 503, 503])
  })

  it.each([401, 403, 404, 422])('does not retry %i', async (status) => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', /\/contents\//, status, 1)
    const client = api([])
    if (status === 404) expect(await client.readFile('main', 'x')).toBeUndefined()
    else await expect(client.readFile('main', 'x')).rejects.toThrow()
    expect(gh.requests.filter((r) => /\/contents\//.test(r.path)).map((r) => r.status)).toEqual([status])
  })

  it('a failure between creating the commit and moving the branch leaves the branch as it was', async () => {
    const head = await pushFiles(gh, 'main', { 'deploy/manifest.yaml': 'old\n' })
    const client = api([])
    const commit = await client.createCommit(head, 'deploy/manifest.yaml', 'new\n', 'm')
    gh.failNext('PATCH', /\/git\/refs\//, 500, 4)
    await expect(client.fastForward('main', commit.sha)).rejects.toThrow(/moving the branch 'main': GitHub answered 500/)
    expect(await branchHead(gh, 'main')).toBe(head)
    // The next run moves it; nothing half-done was ever visible.
    expect(await client.fastForward('main', commit.sha)).toBe('ok')
    expect(await branchHead(gh, 'main')).toBe(commit.sha)
  })
})
