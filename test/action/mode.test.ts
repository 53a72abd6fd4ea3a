import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../src/action/event.js'
import { resolveMode } from '../../src/action/mode.js'
import type { Mode } from '../../src/action/settings.js'

const pr = { number: 7, baseRef: 'main', headSha: 'f'.repeat(40), headRepository: 'acme/shop', fromFork: false }
const resolve = (mode: Mode, event: RunEvent, ref = 'refs/heads/main', allowPullRequestTarget = true) =>
  resolveMode({ mode, event, branch: 'main', allowPullRequestTarget }, ref).mode

describe('resolveMode', () => {
  it.each([
    ['auto', { name: 'push' }, 'refs/heads/main', 'commit'],
    ['auto', { name: 'push' }, 'refs/heads/feature', 'render'],
    ['auto', { name: 'workflow_dispatch' }, 'refs/heads/main', 'commit'],
    ['auto', { name: 'workflow_dispatch' }, 'refs/heads/feature', 'render'],
    ['auto', { name: 'pull_request', pullRequest: pr }, 'refs/pull/7/merge', 'diff'],
    ['auto', { name: 'pull_request_target', pullRequest: pr }, 'refs/heads/main', 'diff'],
    ['auto', { name: 'schedule' }, 'refs/heads/main', 'render'],
    ['render', { name: 'push' }, 'refs/heads/main', 'render'],
    ['commit', { name: 'schedule' }, 'refs/heads/main', 'commit'],
    ['diff', { name: 'pull_request', pullRequest: pr }, 'refs/pull/7/merge', 'diff'],
    ['wait', { name: 'push' }, 'refs/heads/main', 'wait'],
    ['wait', { name: 'pull_request', pullRequest: pr }, 'refs/pull/7/merge', 'wait'],
  ] as [Mode, RunEvent, string, string][])('%s on %o at %s -> %s', (mode, event, ref, expected) => {
    expect(resolve(mode, event, ref)).toBe(expected)
  })

  it('refuses pull_request_target unless it is allowed, whatever the mode', () => {
    for (const mode of ['auto', 'render', 'diff', 'commit', 'wait'] as Mode[]) {
      expect(() => resolve(mode, { name: 'pull_request_target', pullRequest: pr }, 'refs/heads/main', false)).toThrow(
        "This run is a 'pull_request_target' event: it has a write token, and the workspace may hold the files of a pull request from anyone. kaniko-gitops does not run on it unless the input 'allow-pull-request-target' is true",
      )
    }
  })

  it('refuses diff without a pull request', () => {
    expect(() => resolve('diff', { name: 'push' })).toThrow(
      "Input 'mode' has the value 'diff': Diff mode compares a pull request with the manifest on its base branch, and needs the pull request from the payload of a pull_request or pull_request_target event; this run got a 'push' event.",
    )
  })
})
