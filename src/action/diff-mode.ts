import { describeError, InputError } from '../common/errors.js'
import type { GitHubApi } from '../github/api.js'
import { upsertComment } from '../gitops/comment.js'
import { driftMessage, findDrift } from '../gitops/drift.js'
import { commentMarker, compareWithBase, DIFF_LIMIT, type ManifestDiff, renderDiffMarkdown } from '../gitops/report.js'
import { renderScan } from '../manifest/render.js'
import { scanRepository } from '../scan/scan.js'
import { createApi } from './github.js'
import { explainMissingPullRequest } from './mode.js'
import { actionsLogger, imageOutputs, type Outputs } from './outputs.js'
import * as core from './runner.js'
import type { Settings } from './settings.js'
import { currentCode, readWorkspaceManifest } from './workspace.js'

/** Diff mode: renders the pull request against its base branch's manifest, reports the diff and comments. */
export async function runDiff(settings: Settings): Promise<Outputs> {
  const pr = settings.event.pullRequest
  if (!pr) throw new InputError(explainMissingPullRequest(settings.event))
  const api = await createApi(settings)
  const scan = await scanRepository(settings, actionsLogger)
  const base = await api.readFile(pr.baseRef, settings.manifestRepoPath)
  const outcome = await renderScan(settings, scan, base, `'${settings.manifestRepoPath}' on '${pr.baseRef}'`, actionsLogger, currentCode())
  const diff = compareWithBase(base, outcome, settings.manifestRepoPath)
  // A hand edit: the file's documents are neither the base's nor the render's (see findDrift).
  const drift = await findDrift(await readWorkspaceManifest(settings), base, outcome.manifest)
  const markdown = renderDiffMarkdown(diff, settings.manifestRepoPath, 'summary')
  await actionsLogger.group('Diff', async () => {
    core.info(diff.diff === '' ? 'The manifest does not change.' : diff.diff)
    if (diff.moreDocuments > 0)
      core.info(`The diff stops here, at ${DIFF_LIMIT} characters: ${diff.moreDocuments} more document(s) of the manifest differ.`)
    if (drift !== undefined) {
      const message = driftMessage(settings.manifestRepoPath, pr.baseRef, drift)
      if (settings.failOnDrift) core.error(message)
      else core.warning(message)
    }
  })
  core.appendSummary(`${markdown.replace(/^<!--.*-->\n/, '')}\n`)
  await commentOnPullRequest(settings, api, pr.number, pr.fromFork, diff)
  if (drift !== undefined && settings.failOnDrift) {
    throw new Error(
      `fail-on-drift: '${settings.manifestRepoPath}' was edited by hand and does not match the render: ${drift} (see the diff)`,
    )
  }
  return {
    ...imageOutputs(settings, outcome),
    changed: String(diff.diff !== ''),
    result: 'diffed',
    diff: JSON.stringify(diff.summary),
  }
}

async function commentOnPullRequest(
  settings: Settings,
  api: GitHubApi,
  issue: number,
  fromFork: boolean,
  diff: ManifestDiff,
): Promise<void> {
  if (!settings.comment) return
  if (fromFork) {
    core.notice(
      'No pull-request comment: this pull request comes from a fork, and its run only gets a read-only token. The job summary has the diff.',
    )
    return
  }
  const marker = commentMarker(settings.manifestRepoPath)
  try {
    const done = await upsertComment(api, issue, marker, renderDiffMarkdown(diff, settings.manifestRepoPath))
    core.info(`Pull-request comment ${done}.`)
  } catch (error) {
    // The summary already has the diff: a comment we may not write is worth a warning, not a failure.
    core.warning(`No pull-request comment: ${describeError(error)}`)
  }
}
