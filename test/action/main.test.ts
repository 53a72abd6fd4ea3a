import { describe, expect, it } from 'vitest'
import { explainMissingPullRequest } from '../../src/action/mode.js'

describe('diff mode without a pull request', () => {
  it('names the event received, the events diff mode needs, and what to do', () => {
    expect(explainMissingPullRequest({ name: 'push' })).toBe(
      "Diff mode compares a pull request with the manifest on its base branch, and needs the pull request from the payload of a pull_request or pull_request_target event; this run got a 'push' event. Run the step on pull_request events (mode: auto does so and renders or commits on the others), or set 'mode' to render or commit.",
    )
  })

  it('says when a pull-request event came without its payload', () => {
    expect(explainMissingPullRequest({ name: 'pull_request' })).toContain(
      "this run got a 'pull_request' event whose payload (GITHUB_EVENT_PATH) holds no pull request.",
    )
    expect(explainMissingPullRequest({ name: '' })).toContain('this run got an event the runner did not name (GITHUB_EVENT_NAME is empty).')
  })
})
