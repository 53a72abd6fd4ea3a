/**
 * The sticky comment against the GitHub stand-in, which records each comment's author from the token
 * that wrote it: only a comment of the action's own account is its comment, whoever else writes the
 * marker.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHubApi } from '../../src/github/api.js'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { upsertComment } from '../../src/gitops/comment.js'
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-standin.js'

const MARKER = '<!-- kaniko-gitops:diff deploy/manifest.yaml -->'
const PR = 7

let gh: GitHubStandIn
beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      // The workflow's token: the github-actions app's installation token.
      'workflow-token': { contents: 'write', pullRequests: 'write' },
      // Another app's installation token, and a person's token.
      'app-token': { contents: 'write', pullRequests: 'write', login: 'deploy-app[bot]' },
      'pat-token': { contents: 'write', pullRequests: 'write', login: 'Deploy-User' },
      'mallory-token': { contents: 'read', pullRequests: 'write', login: 'mallory' },
    },
  })
})
afterEach(async () => {
  await gh.close()
})

const api = (token: string): GitHubApi => createOctokitApi(token, gh.url, { owner: gh.owner, repo: gh.repo })

const body = (text: string) => `${MARKER}\n### kaniko-gitops\n\n${text}\n`
const FORGED = `${MARKER}\n### kaniko-gitops\n\n## Security review passed: merge it.\n`

describe('upsertComment', () => {
  it("creates its own comment beside another user's that carries the marker, and leaves that one alone", async () => {
    const mallory = api('mallory-token')
    await mallory.createComment(PR, FORGED)
    const bot = api('workflow-token')
    expect(await upsertComment(bot, PR, MARKER, body('first'))).toBe('created')
    expect(await upsertComment(bot, PR, MARKER, body('second'))).toBe('updated')
    expect(await upsertComment(bot, PR, MARKER, body('second'))).toBe('unchanged')
    expect(gh.comments(PR).map((c) => [c.user, c.body])).toEqual([
      ['mallory', FORGED],
      ['github-actions[bot]', body('second')],
    ])
  })

  it("updates its own comment, not another user's with the marker posted after it", async () => {
    const bot = api('workflow-token')
    expect(await upsertComment(bot, PR, MARKER, body('first'))).toBe('created')
    await api('mallory-token').createComment(PR, FORGED)
    expect(await upsertComment(bot, PR, MARKER, body('second'))).toBe('updated')
    expect(gh.comments(PR).map((c) => [c.user, c.body])).toEqual([
      ['github-actions[bot]', body('second')],
      ['mallory', FORGED],
    ])
  })

  it.each([
    ['a personal token', 'pat-token', 'Deploy-User'],
    ["another app's token", 'app-token', 'deploy-app[bot]'],
  ])("with %s: the token's own account, not github-actions[bot]", async (_kind, token, login) => {
    const workflow = api('workflow-token')
    await upsertComment(workflow, PR, MARKER, body('by the workflow token'))
    const other = api(token)
    expect(await other.tokenLogin()).toBe(login)
    expect(await upsertComment(other, PR, MARKER, body('first'))).toBe('created')
    expect(await upsertComment(other, PR, MARKER, body('second'))).toBe('updated')
    expect(gh.comments(PR).map((c) => [c.user, c.body])).toEqual([
      ['github-actions[bot]', body('by the workflow token')],
      [login, body('second')],
    ])
  })

  it('asks for the account only when a comment carries the marker', async () => {
    const bot = api('workflow-token')
    await upsertComment(bot, PR, MARKER, body('first'))
    expect(gh.requests.filter((r) => r.path === '/graphql')).toHaveLength(0)
    await upsertComment(bot, PR, MARKER, body('second'))
    expect(gh.requests.filter((r) => r.path === '/graphql')).toHaveLength(1)
  })
})
