/**
 * Commit statuses, one per image (`kaniko-gitops/<image>`): pending from the commit job, success or
 * failure from the wait. They are feedback, never the job's outcome: a token that may not post them
 * gets one warning, and the run goes on.
 */
import { visible } from '../common/inert.js'
import type { Logger } from '../common/log.js'
import { type CommitState, type GitHubApi, GitHubApiError } from '../github/api.js'

/** GitHub's limits: a context of at most 255 characters, a description of at most 140. */
export const CONTEXT_LIMIT = 255
export const DESCRIPTION_LIMIT = 140

/** At most `max` characters (code points, as GitHub counts), with `…` in place of what was cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(visible(text))
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

export function statusContext(image: string): string {
  return truncateText(`kaniko-gitops/${image}`, CONTEXT_LIMIT)
}

export interface StatusPoster {
  post(image: string, state: CommitState, description: string): Promise<void>
}

/**
 * Posts on `sha`. A 403 or 404 (no `statuses: write`, or a token that cannot see the commit) is told
 * once as a warning, and nothing more is posted; any other error is the caller's.
 */
export function statusPoster(api: GitHubApi, sha: string, log: Pick<Logger, 'warning'>): StatusPoster {
  let refused = false
  return {
    async post(image, state, description) {
      if (refused) return
      try {
        await api.createCommitStatus(sha, {
          state,
          context: statusContext(image),
          description: truncateText(description, DESCRIPTION_LIMIT),
        })
      } catch (error) {
        if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 404)) throw error
        refused = true
        log.warning(
          `No commit statuses posted: ${error.message} Give the workflow 'permissions: statuses: write', or set 'statuses' to false.`,
        )
      }
    },
  }
}
