import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { type GitHubStandIn, pushFiles, startGitHubStandIn } from '../support/github-standin.js'

describe('reading a file of the repository through the API', () => {
  let gh: GitHubStandIn
  beforeEach(async () => {
    gh = await startGitHubStandIn()
  })
  afterEach(() => gh.close())
  const api = () => createOctokitApi('workflow-token', gh.url, { owner: 'acme', repo: 'shop' })

  it('reads a file of up to 1 MB from the contents API, and a larger one (which comes without content) from its blob', async () => {
    const small = 'kind: Pod\n'.repeat(1000)
    // Over 1 MB, with bytes of every width of UTF-8.
    const large = 'apiVersion: v1 # ü € 𝄞\n'.repeat(60_000)
    await pushFiles(gh, 'main', { 'deploy/small.yaml': small, 'deploy/large.yaml': large })
    const contents = await fetch(`${gh.url}/repos/acme/shop/contents/deploy/large.yaml?ref=main`, {
      headers: { authorization: 'token workflow-token' },
    })
    expect(await contents.json()).toMatchObject({ encoding: 'none', content: '' })
    expect(await api().readFile('main', 'deploy/small.yaml')).toBe(small)
    expect(await api().readFile('main', 'deploy/large.yaml')).toBe(large)
    expect(await api().readFile('main', 'deploy/missing.yaml')).toBeUndefined()
  })
})
