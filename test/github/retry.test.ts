import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { countedFetch, fakeNow, onFakeTime, realSleep } from '../support/fake-time.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { branchHead, type GitHubStandIn, pushFiles, startGitHubStandIn } from '../support/github-standin.js'

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

describe('the API client against injected faults', () => {
  let gh: GitHubStandIn
  let retries: string[]
  beforeEach(async () => {
    gh = await startGitHubStandIn()
    retries = []
  })
  afterEach(() => gh.close())
  const api = (url = gh.url) =>
    createOctokitApi('workflow-token', url, { owner: 'acme', repo: 'shop' }, { onRetry: (m) => retries.push(m), fetch: countedFetch })
  const statuses = (path: RegExp) => gh.requests.filter((r) => path.test(r.path)).map((r) => r.status)
  const REF = /\/git\/ref\//
  /** Reads the branch on fake time; `at` is when (fake ms after the start) the read that answered reached the stand-in. */
  const readBranch = (url?: string) =>
    onFakeTime(async () => {
      const start = Date.now()
      let at = Number.NaN
      gh.beforeNext('GET', REF, () => {
        at = Date.now() - start
      })
      return { head: await api(url).branchHead('main'), at }
    })

  it('retries a 502 after a back-off and succeeds, telling each retry', async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', REF, 502, 2)
    const read = await readBranch()
    expect(read.head).toBe(head)
    expect(statuses(REF)).toEqual([502, 502, 200])
    expect(read.at).toBeGreaterThanOrEqual(2000)
    expect(retries).toHaveLength(2)
  })

  it("waits for a slow answer without firing the HTTP client's own timeouts", async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    gh.beforeNext('GET', REF, async () => {
      await realSleep(1500)
    })
    const read = await readBranch()
    expect(read.head).toBe(head)
    expect(statuses(REF)).toEqual([200])
    expect(retries).toEqual([])
  })

  it('retries a network error (the connection closed without an answer)', async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    const proxy = await startFaultProxy(new URL(gh.url).host, 1, 0)
    try {
      expect((await readBranch(`http://${proxy.host}`)).head).toBe(head)
      expect(proxy.requests.map((r) => r.replace(/^GET \S+ -> /, ''))).toEqual(['0', '200'])
      expect(retries).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it.each([429, 403])('waits as long as retry-after says on a secondary rate limit (%i), then succeeds', async (status) => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', REF, status, 1, SECONDARY, { 'retry-after': '7' })
    const read = await readBranch()
    expect(read.head).toBe(head)
    expect(statuses(REF)).toEqual([status, 200])
    // 7 s, not the 1 s of the back-off for faults nor the 60 s assumed without retry-after.
    expect(read.at).toBeGreaterThanOrEqual(7000)
    expect(read.at).toBeLessThan(30_000)
    expect(retries).toHaveLength(1)
  })

  it('waits for the reset of an exhausted primary rate limit', async () => {
    const head = await pushFiles(gh, 'main', { a: '1' })
    // In 20 s on the clock the read runs on.
    const reset = String(Math.ceil(Math.max(Date.now(), fakeNow()) / 1000) + 20)
    gh.failNext('GET', REF, 429, 1, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
    const read = await readBranch()
    expect(read.head).toBe(head)
    expect(statuses(REF)).toEqual([429, 200])
    expect(read.at).toBeGreaterThanOrEqual(19_000)
    expect(read.at).toBeLessThan(50_000)
  })

  it('waits a retry-after of 60 s, the longest wait', async () => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', REF, 429, 1, SECONDARY, { 'retry-after': '60' })
    expect((await readBranch()).at).toBeGreaterThanOrEqual(60_000)
    expect(statuses(REF)).toEqual([429, 200])
  })

  it.each(['61', '3600'])('reports a retry-after of %s s as an error instead of waiting', async (seconds) => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', REF, 429, 1, SECONDARY, { 'retry-after': seconds })
    await expect(readBranch()).rejects.toThrow("reading the branch 'main': GitHub answered 429")
    expect(statuses(REF)).toEqual([429])
    expect(retries).toEqual([])
  })

  it('gives up after the last attempt and explains', async () => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', REF, 503, 10)
    await expect(readBranch()).rejects.toThrow("reading the branch 'main': GitHub answered 503")
    expect(statuses(REF)).toEqual([503, 503, 503, 503])
    expect(retries).toHaveLength(3)
  })

  it.each([400, 401, 403, 404, 409, 422])('does not retry %i', async (status) => {
    await pushFiles(gh, 'main', { a: '1' })
    gh.failNext('GET', /\/contents\//, status, 1)
    const read = onFakeTime(() => api().readFile('main', 'x'))
    if (status === 404) expect(await read).toBeUndefined()
    else await expect(read).rejects.toThrow('reading x at main')
    expect(statuses(/\/contents\//)).toEqual([status])
    expect(retries).toEqual([])
  })

  it("answers 'moved' at once when the branch moved on (GitHub's 422, not a fast forward)", async () => {
    const head = await pushFiles(gh, 'main', { 'deploy/manifest.yaml': 'old\n' })
    const client = api()
    const commit = await onFakeTime(() => client.createCommit(head, 'deploy/manifest.yaml', 'new\n', 'm'))
    const moved = await pushFiles(gh, 'main', { b: '2' })
    expect(await onFakeTime(() => client.fastForward('main', commit.sha))).toBe('moved')
    expect(statuses(/\/git\/refs\//)).toEqual([422])
    expect(await branchHead(gh, 'main')).toBe(moved)
  })

  it('a failure between creating the commit and moving the branch leaves the branch as it was', async () => {
    const head = await pushFiles(gh, 'main', { 'deploy/manifest.yaml': 'old\n' })
    const client = api()
    const commit = await onFakeTime(() => client.createCommit(head, 'deploy/manifest.yaml', 'new\n', 'm'))
    gh.failNext('PATCH', /\/git\/refs\//, 500, 4)
    await expect(onFakeTime(() => client.fastForward('main', commit.sha))).rejects.toThrow(/moving the branch 'main': GitHub answered 500/)
    expect(await branchHead(gh, 'main')).toBe(head)
    // The next run moves it; nothing half-done was ever visible.
    expect(await onFakeTime(() => client.fastForward('main', commit.sha))).toBe('ok')
    expect(await branchHead(gh, 'main')).toBe(commit.sha)
  })
})
