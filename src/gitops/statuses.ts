/**
 * Commit statuses, one per image (`kaniko-gitops/<image>`): pending from the commit job, success or
 * failure from the wait. They are feedback, never the job's outcome: a status that cannot be posted
 * stops the posting, and the run tells how many were not posted, in one warning, and goes on.
 */
import { visible } from '../common/inert.js'
import type { Logger } from '../common/log.js'
import { type CommitState, type GitHubApi, GitHubApiError, rateLimitOf } from '../github/api.js'

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

/**
 * The most images that get statuses in a run: the client spaces status posts 1 s apart (GitHub's
 * guidance for requests that create content), so this bounds a run's posting to under 2 minutes.
 */
export const STATUS_IMAGES = 100

export interface StatusPoster {
  /** Posts `state` for `image`, or counts it as not posted; never throws. */
  post(image: string, state: CommitState, description: string): Promise<void>
  /** Warns, once, when some statuses were not posted: how many, and why. */
  finish(): void
}

/**
 * Posts on `sha` for the first STATUS_IMAGES of `images` (in the order given: both modes give them
 * sorted by name, so they choose the same ones); more images get one warning. The first failure
 * stops the posting: a refusal or a rate limit would refuse the next ones too, and 5xx answers have
 * been retried already.
 */
export function statusPoster(api: GitHubApi, sha: string, images: readonly string[], log: Pick<Logger, 'warning'>): StatusPoster {
  const chosen = new Set(images.slice(0, STATUS_IMAGES))
  if (images.length > STATUS_IMAGES)
    log.warning(
      `Commit statuses are posted for at most ${STATUS_IMAGES} images a run: the ${images.length - STATUS_IMAGES} image(s) after '${visible(images[STATUS_IMAGES - 1] as string)}' by name get none.`,
    )
  let stopped: string | undefined
  let tried = 0
  let notPosted = 0
  let warned = false
  return {
    async post(image, state, description) {
      if (!chosen.has(image)) return
      tried++
      if (stopped !== undefined) {
        notPosted++
        return
      }
      try {
        await api.createCommitStatus(sha, {
          state,
          context: statusContext(image),
          description: truncateText(description, DESCRIPTION_LIMIT),
        })
      } catch (error) {
        notPosted++
        stopped = whyNotPosted(error)
      }
    },
    finish() {
      if (stopped === undefined || warned) return
      warned = true
      log.warning(
        `${notPosted} of ${tried} commit status(es) not posted on ${sha.slice(0, 7)} (the first failure stops the posting): ${stopped}`,
      )
    },
  }
}

/** Why a status was not posted, with what to do about it. */
function whyNotPosted(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const limit = rateLimitOf(error)
  if (limit !== undefined) {
    const wait = limit.retryAfter === undefined ? '' : ` GitHub asked to wait ${limit.retryAfter} s, longer than the client waits (60 s).`
    return `${message} This is GitHub's rate limit, not a permission.${wait} Statuses are feedback only: set 'statuses' to false for pushes that build many images.`
  }
  if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404))
    return `${message} Give the workflow 'permissions: statuses: write', or set 'statuses' to false.`
  return message
}
