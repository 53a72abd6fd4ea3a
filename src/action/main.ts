import { describeError, InputError } from '../common/errors.js'
import { writeFileAtomic } from '../common/fs-atomic.js'
import { inert } from '../common/inert.js'
import type { GitHubApi } from '../github/api.js'
import { apiBranchWriter, gitBranchWriter } from '../gitops/branch-writer.js'
import { upsertComment } from '../gitops/comment.js'
import { commitManifest, commitRequestFor } from '../gitops/commit.js'
import { findDrift } from '../gitops/drift.js'
import { commentMarker, compareWithBase, DIFF_LIMIT, type ManifestDiff, renderDiffMarkdown } from '../gitops/report.js'
import {
  type Logger,
  type RenderOutcome,
  readWorkspaceManifest,
  renderRepository,
  renderScan,
  scanRepository,
  writeManifest,
} from '../render.js'
import { readEvent } from './event.js'
import { explainMissingPullRequest, resolveMode } from './mode.js'
import * as core from './runner.js'
import { describeSettings, getSettings, type Settings } from './settings.js'
import { escapeHtml, summaryHtml } from './summary.js'

const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (name, fn) => core.group(name, fn),
}

type Outputs = Partial<Record<'changed' | 'images' | 'manifest' | 'result' | 'commit-sha' | 'commit-verified' | 'diff', string>>

/** The action's entry point: the one place that catches and reports failure. */
export async function run(): Promise<void> {
  try {
    const settings = getSettings(core.getInput, process.env, readEvent())
    for (const line of describeSettings(settings)) core.debug(line)
    const resolved = resolveMode(settings, process.env.GITHUB_REF ?? '')
    core.info(`kaniko-gitops: ${resolved.reason}`)
    const outputs =
      resolved.mode === 'commit'
        ? await runCommit(settings)
        : resolved.mode === 'diff'
          ? await runDiff(settings)
          : await runRender(settings)
    for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, value)
  } catch (error) {
    // An error about a place in a file (the config) is annotated there, so GitHub shows it on the line.
    const at = error instanceof InputError ? error.location : undefined
    core.setFailed(describeError(error), at ? { file: at.file, startLine: at.line, startColumn: at.column } : {})
  }
}

function imageOutputs(settings: Settings, outcome: RenderOutcome): Outputs {
  return { images: JSON.stringify(outcome.images), manifest: settings.output }
}

async function runRender(settings: Settings): Promise<Outputs> {
  const outcome = await renderRepository(settings, actionsLogger)
  await writeManifest(settings, outcome, actionsLogger)
  writeSummary(outcome, `<code>${escapeHtml(settings.output)}</code>: ${outcome.changed ? 'changed' : 'unchanged'}`)
  return { ...imageOutputs(settings, outcome), changed: String(outcome.changed), result: 'rendered' }
}

async function createApi(settings: Settings): Promise<GitHubApi> {
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

async function runCommit(settings: Settings): Promise<Outputs> {
  const scan = await scanRepository(settings, actionsLogger)
  const writer = settings.commitMethod === 'git' ? gitBranchWriter(settings.root) : apiBranchWriter(await createApi(settings))
  const committed = await actionsLogger.group(`Commit to ${settings.branch}`, () =>
    commitManifest(writer, commitRequestFor(settings, scan, actionsLogger), actionsLogger),
  )
  if (committed.result === 'superseded') {
    core.notice(`Nothing committed: ${inert(committed.reason)}. The run for that commit renders its manifest.`)
    writeSummary(undefined, `superseded: ${escapeHtml(committed.reason)}`)
    return { changed: 'false', manifest: settings.output, result: 'superseded' }
  }
  // The workspace gets what the branch now has, for the steps that follow.
  if ((await readWorkspaceManifest(settings)) !== committed.outcome.manifest)
    await writeFileAtomic(settings.outputPath, committed.outcome.manifest)
  const outputs: Outputs = {
    ...imageOutputs(settings, committed.outcome),
    result: committed.result,
    changed: String(committed.result === 'committed'),
  }
  let line = `<code>${escapeHtml(settings.manifestRepoPath)}</code> on <code>${escapeHtml(settings.branch)}</code> is up to date`
  if (committed.result === 'committed') {
    outputs['commit-sha'] = committed.sha
    if (committed.verified !== undefined) {
      outputs['commit-verified'] = String(committed.verified)
      core.info(`GitHub reports the commit as ${committed.verified ? 'signed (verified)' : 'not signed'}.`)
    }
    line = `committed <code>${committed.sha.slice(0, 7)}</code> to <code>${escapeHtml(settings.branch)}</code>`
  }
  writeSummary(committed.outcome, line)
  return outputs
}

async function runDiff(settings: Settings): Promise<Outputs> {
  const pr = settings.event.pullRequest
  if (!pr) throw new InputError(explainMissingPullRequest(settings.event))
  const api = await createApi(settings)
  const scan = await scanRepository(settings, actionsLogger)
  const base = await api.readFile(pr.baseRef, settings.manifestRepoPath)
  const outcome = await renderScan(settings, scan, base, `'${settings.manifestRepoPath}' on '${pr.baseRef}'`, actionsLogger)
  const diff = compareWithBase(base, outcome, settings.manifestRepoPath)
  // A hand edit: the file's documents are neither the base's nor the render's (see findDrift).
  const drift = await findDrift(await readWorkspaceManifest(settings), base, outcome.manifest)
  const markdown = renderDiffMarkdown(diff, settings.manifestRepoPath, 'summary')
  await actionsLogger.group('Diff', async () => {
    core.info(diff.diff === '' ? 'The manifest does not change.' : diff.diff)
    if (diff.moreDocuments > 0)
      core.info(`The diff stops here, at ${DIFF_LIMIT} characters: ${diff.moreDocuments} more document(s) of the manifest differ.`)
    if (drift !== undefined) {
      const message = `This pull request edits '${settings.manifestRepoPath}' by hand, and the edit does not match the render of its Dockerfiles (${drift}): the file is generated, and the next commit on '${pr.baseRef}' overwrites the edit.`
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

function writeSummary(outcome: RenderOutcome | undefined, line: string): void {
  core.appendSummary(summaryHtml(outcome, line))
}
