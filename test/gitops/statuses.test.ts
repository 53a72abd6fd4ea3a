/**
 * Commit statuses through the real Octokit client against the GitHub stand-in, which keeps GitHub's
 * shape and limits for POST /statuses/{sha} and GET /commits/{ref}/statuses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHubApi } from '../../src/github/api.js'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { statusContext, statusPoster, truncateText } from '../../src/gitops/statuses.js'
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

describe('statusPoster', () => {
  it('posts each state on the commit with its context, long descriptions cut to 140', async () => {
    const log: string[] = []
    const poster = statusPoster(api('workflow-token'), sha, { warning: (m) => log.push(m) })
    await poster.post('api', 'pending', 'build of tag t1 pending')
    await poster.post('api', 'success', `in the registry: ${'r'.repeat(300)}`)
    const statuses = gh.statuses(sha)
    expect(statuses.map((s) => [s.context, s.state])).toEqual([
      ['kaniko-gitops/api', 'pending'],
      ['kaniko-gitops/api', 'success'],
    ])
    expect(statuses[1]?.description).toHaveLength(140)
    expect(statuses[0]?.creator).toBe('github-actions[bot]')
    expect(log).toEqual([])
  })

  it('without statuses write: one warning that names the permission, nothing posted, no error', async () => {
    const log: string[] = []
    const poster = statusPoster(api('no-statuses'), sha, { warning: (m) => log.push(m) })
    await poster.post('api', 'pending', 'x')
    await poster.post('web', 'pending', 'x')
    expect(gh.statuses(sha)).toEqual([])
    expect(log).toHaveLength(1)
    expect(log[0]).toContain('403 Resource not accessible by integration')
    expect(log[0]).toContain("'permissions: statuses: write'")
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('any other refusal is an error', async () => {
    const poster = statusPoster(api('workflow-token'), 'f'.repeat(40), { warning: () => undefined })
    await expect(poster.post('api', 'pending', 'x')).rejects.toThrow('No commit found for SHA')
  })
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
