import type { GitHubApi } from '../github/api.js'
import * as core from './runner.js'
import type { Settings } from './settings.js'

/** The GitHub API for the run's repository, with the run's token. */
export async function createApi(settings: Settings): Promise<GitHubApi> {
  if (settings.token === '')
    throw new Error("Input 'token' is empty: commit and diff need a token for the GitHub API (the default is the workflow's own token).")
  // Loaded only here: render mode never pays for Octokit at start-up.
  const { createOctokitApi } = await import('../github/octokit-api.js')
  return createOctokitApi(
    settings.token,
    settings.apiUrl,
    { owner: settings.owner, repo: settings.repo },
    { onRetry: (message) => core.warning(message) },
  )
}
