import { InputError } from '../common/errors.js'
import type { RunEvent } from './event.js'
import type { Settings } from './settings.js'

export interface ResolvedMode {
  readonly mode: 'render' | 'commit' | 'diff' | 'wait'
  /** Why this mode, for the log. */
  readonly reason: string
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Turns the `mode` input and the event into what this run does. */
export function resolveMode(settings: Pick<Settings, 'mode' | 'event' | 'branch' | 'allowPullRequestTarget'>, ref: string): ResolvedMode {
  const { mode, event, branch } = settings
  if (event.name === 'pull_request_target' && !settings.allowPullRequestTarget) {
    throw new InputError(
      "This run is a 'pull_request_target' event: it has a write token, and the workspace may hold the files of a pull request from anyone. kaniko-gitops does not run on it unless the input 'allow-pull-request-target' is true; use the 'pull_request' event instead, which gives pull requests from forks a read-only token.",
    )
  }
  if (mode === 'render') return { mode, reason: 'mode: render' }
  if (mode === 'diff') {
    if (!event.pullRequest) {
      throw new InputError(`Input 'mode' has the value 'diff': ${explainMissingPullRequest(event)}`)
    }
    return { mode, reason: 'mode: diff' }
  }
  if (mode === 'commit') return { mode, reason: `mode: commit to '${branch}'` }
  if (mode === 'wait') return { mode, reason: 'mode: wait for the images in the registry' }

  const onBranch = ref === `refs/heads/${branch}`
  if (PULL_REQUEST_EVENTS.has(event.name) && event.pullRequest) {
    return { mode: 'diff', reason: `mode: auto on a '${event.name}' event compares the pull request with '${event.pullRequest.baseRef}'` }
  }
  if (event.name === 'push' || event.name === 'workflow_dispatch') {
    if (onBranch) return { mode: 'commit', reason: `mode: auto on a '${event.name}' event to '${branch}' commits the manifest` }
    return { mode: 'render', reason: `mode: auto on a '${event.name}' event for '${ref}', not '${branch}': renders and commits nothing` }
  }
  return { mode: 'render', reason: `mode: auto on a '${event.name || 'unknown'}' event renders the manifest and commits nothing` }
}

/** Why diff mode cannot run without a pull request in the event, and what to do. */
export function explainMissingPullRequest(event: RunEvent): string {
  const received = event.name ? `a '${event.name}' event` : 'an event the runner did not name (GITHUB_EVENT_NAME is empty)'
  const which = /^pull_request(_target)?$/.test(event.name)
    ? `${received} whose payload (GITHUB_EVENT_PATH) holds no pull request`
    : received
  return `Diff mode compares a pull request with the manifest on its base branch, and needs the pull request from the payload of a pull_request or pull_request_target event; this run got ${which}. Run the step on pull_request events (mode: auto does so and renders or commits on the others), or set 'mode' to render or commit.`
}
