/**
 * Commit statuses through the real Octokit client against the GitHub stand-in, which keeps GitHub's
 * shape and limits for POST /statuses/{sha} and GET /commits/{ref}/statuses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHubApi } from '../../src/github/api.js'
import { createOctokitApi, STATUS_SPACING_MS } from '../../src/github/octokit-api.js'
import { STATUS_IMAGES, statusContext, statusPoster, truncateText } from '../../src/gitops/statuses.js'
import { countedFetch, onFakeTime } from '../support/fake-time.js'
import { type GitHubStandIn, pushFiles, startGitHubStandIn } from '../support/github-standin.js'

let gh: GitHubStandIn
let sha: string
beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      'workflow-token': { contents: 'write', pullRequests: 'write', statuses: 'write' },
      'no-statuses': { contents: 'write', pullRequests: 'write' },
    },
  })
  sha = await pushFiles(gh, 'main', { 'README.md': 'x\n' })
})
afterEach(async () => {
  await gh.close()
})

const api = (token: string): GitHubApi => createOctokitApi(token, gh.url, { owner: gh.owner, repo: gh.repo })

describe('truncateText and statusContext', () => {
  it('cut at whole characters (never half a surrogate pair) with an ellipsis, within the limit', () => {
    expect(truncateText('short', 140)).toBe('short')
    const emoji = '😀'.repeat(200)
    const cut = truncateText(emoji, 140)
    expect(Array.from(cut)).toHaveLength(140)
    expect(cut.endsWith('😀…')).toBe(true)
    expect(truncateText('a\nb', 140)).not.toContain('\n')
    expect(Array.from(statusContext('x'.repeat(300)))).toHaveLength(255)
    expect(statusContext('api')).toBe('kaniko-gitops/api')
  })
})

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const POSTS = /\/statuses\//
const posts = () => gh.requests.filter((r) => r.method === 'POST' && POSTS.test(r.path))
const names = (count: number) => Array.from({ length: count }, (_, i) => `image-${String(i).padStart(3, '0')}`)

/** Posts `state` for each of `images` through a poster on fake time; the warnings it gave. */
async function postAll(token: string, images: readonly string[], at = sha): Promise<string[]> {
  const warnings: string[] = []
  const client = createOctokitApi(token, gh.url, { owner: gh.owner, repo: gh.repo }, { fetch: countedFetch })
  await onFakeTime(async () => {
    const poster = statusPoster(client, at, images, { warning: (m) => warnings.push(m) })
    for (const image of images) await poster.post(image, 'pending', `build of ${image} pending`)
    poster.finish()
  })
  return warnings
}

describe('statusPoster', () => {
  it('posts each state on the commit with its context, long descriptions cut to 140', async () => {
    const log: string[] = []
    const poster = statusPoster(api('workflow-token'), sha, ['api'], { warning: (m) => log.push(m) })
    await poster.post('api', 'pending', 'build of tag t1 pending')
    await poster.post('api', 'success', `in the registry: ${'r'.repeat(300)}`)
    poster.finish()
    const statuses = gh.statuses(sha)
    expect(statuses.map((s) => [s.context, s.state])).toEqual([
      ['kaniko-gitops/api', 'pending'],
      ['kaniko-gitops/api', 'success'],
    ])
    expect(statuses[1]?.description).toHaveLength(140)
    expect(statuses[0]?.creator).toBe('github-actions[bot]')
    expect(log).toEqual([])
  })

  it('without statuses write: nothing posted after the refusal, one warning that counts them and names the permission', async () => {
    const warnings = await postAll('no-statuses', ['api', 'web', 'worker'])
    expect(gh.statuses(sha)).toEqual([])
    expect(posts()).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^3 of 3 commit status\(es\) not posted/)
    expect(warnings[0]).toContain('403 Resource not accessible by integration')
    expect(warnings[0]).toContain("'permissions: statuses: write'")
  })

  it('any other failure (an unknown commit, a 5xx after its retries) is a warning too, never an error', async () => {
    const unknown = await postAll('workflow-token', ['api', 'web'], 'f'.repeat(40))
    expect(unknown).toEqual([expect.stringMatching(/^2 of 2 commit status\(es\) not posted .*No commit found for SHA/)])
    gh.failNext('POST', POSTS, 502, 4)
    const down = await postAll('workflow-token', ['api', 'web'])
    expect(posts().map((r) => r.status)).toEqual([422, 502, 502, 502, 502])
    expect(down).toEqual([expect.stringMatching(/^2 of 2 commit status\(es\) not posted .*GitHub answered 502/)])
  })

  it('spaces status posts 1 s apart: 50 statuses take about 50 s', async () => {
    expect(await postAll('workflow-token', names(50))).toEqual([])
    expect(gh.statuses(sha)).toHaveLength(50)
    const at = posts().map((r) => r.at)
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(STATUS_SPACING_MS - 5)
    const took = (at.at(-1) as number) - (at[0] as number)
    expect(took).toBeGreaterThanOrEqual(49 * STATUS_SPACING_MS - 50)
    expect(took).toBeLessThan(60_000)
  })

  it('a secondary rate limit with a short retry-after is waited for, and every status is posted', async () => {
    gh.failNext('POST', POSTS, 403, 1, SECONDARY, { 'retry-after': '30' })
    expect(await postAll('workflow-token', names(3))).toEqual([])
    expect(posts().map((r) => r.status)).toEqual([403, 201, 201, 201])
    expect(gh.statuses(sha)).toHaveLength(3)
  })

  it('a secondary rate limit with a long retry-after stops the posting: told as a rate limit with the count, not as a permission', async () => {
    const images = names(5)
    // The first status is posted, the second meets the limit.
    gh.beforeNext('POST', POSTS, () => gh.failNext('POST', POSTS, 403, 1, SECONDARY, { 'retry-after': '120' }))
    const warnings = await postAll('workflow-token', images)
    expect(posts().map((r) => r.status)).toEqual([201, 403])
    expect(gh.statuses(sha).map((s) => s.context)).toEqual(['kaniko-gitops/image-000'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^4 of 5 commit status\(es\) not posted/)
    expect(warnings[0]).toContain("GitHub's rate limit, not a permission")
    expect(warnings[0]).toContain('wait 120 s')
    expect(warnings[0]).not.toContain('permissions: statuses: write')
  })

  it(`posts for at most ${STATUS_IMAGES} images a run, the first by the order given, with one warning for the others`, async () => {
    const images = names(STATUS_IMAGES + 5)
    const warnings = await postAll('workflow-token', images)
    expect(gh.statuses(sha).map((s) => s.context)).toEqual(images.slice(0, STATUS_IMAGES).map(statusContext))
    expect(warnings).toEqual([expect.stringContaining(`the 5 image(s) after '${images[STATUS_IMAGES - 1]}' by name get none`)])
  }, 30_000)
})

describe("the stand-in's statuses endpoints", () => {
  const post = (body: object, at = sha, token = 'workflow-token') =>
    fetch(`${gh.url}/repos/acme/shop/statuses/${at}`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it("keep GitHub's limits: state, context and description lengths, unknown commits, 1,000 per context", async () => {
    expect((await post({ state: 'done' })).status).toBe(422)
    expect((await post({ state: 'success', context: 'c'.repeat(256) })).status).toBe(422)
    expect((await post({ state: 'success', description: 'd'.repeat(141) })).status).toBe(422)
    expect((await post({ state: 'success', description: 'd'.repeat(140) })).status).toBe(201)
    expect((await post({ state: 'success' }, 'a'.repeat(40))).status).toBe(422)
    expect((await post({ state: 'success' }, sha, 'no-statuses')).status).toBe(403)
    for (let i = 0; i < 1000; i++) expect((await post({ state: 'pending', context: 'many' })).status).toBe(201)
    const over = await post({ state: 'pending', context: 'many' })
    expect(over.status).toBe(422)
    expect(((await over.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain('maximum number of statuses')
    expect((await post({ state: 'pending', context: 'other' })).status).toBe(201)
  }, 60_000)

  it('lists a commit’s statuses newest first, by sha or branch', async () => {
    await post({ state: 'pending', context: 'kaniko-gitops/api', description: 'one' })
    await post({ state: 'success', context: 'kaniko-gitops/api', description: 'two' })
    const list = async (ref: string) =>
      (await (
        await fetch(`${gh.url}/repos/acme/shop/commits/${ref}/statuses`, { headers: { authorization: 'token workflow-token' } })
      ).json()) as { state: string; context: string; description: string }[]
    expect((await list(sha)).map((s) => s.description)).toEqual(['two', 'one'])
    expect((await list('main')).map((s) => s.state)).toEqual(['success', 'pending'])
  })
})
