import { describeError } from '../common/errors.js'
import { writeFileAtomic } from '../common/fs-atomic.js'
import { inert } from '../common/inert.js'
import { apiBranchWriter, gitBranchWriter } from '../gitops/branch-writer.js'
import { commitManifest, commitRequestFor } from '../gitops/commit.js'
import { escapeHtml } from '../gitops/markdown.js'
import { statusPoster } from '../gitops/statuses.js'
import type { RenderOutcome } from '../manifest/outcome.js'
import { readPreviousManifest } from '../manifest/previous.js'
import { chooseImages } from '../registry/wait.js'
import { scanRepository } from '../scan/scan.js'
import { createApi } from './github.js'
import { actionsLogger, imageOutputs, type Outputs, writeSummary } from './outputs.js'
import * as core from './runner.js'
import type { Settings } from './settings.js'
import { currentCode, readWorkspaceManifest } from './workspace.js'

/** Commit mode: renders against the branch's manifest and commits it when it changed. */
export async function runCommit(settings: Settings): Promise<Outputs> {
  const scan = await scanRepository(settings, actionsLogger)
  const writer = settings.commitMethod === 'git' ? gitBranchWriter(settings.root) : apiBranchWriter(await createApi(settings))
  const committed = await actionsLogger.group(`Commit to ${settings.branch}`, () =>
    commitManifest(writer, commitRequestFor(settings, scan, currentCode(), actionsLogger), actionsLogger),
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
  // Only a new manifest starts builds (and a wait job that settles them): a run that found the branch
  // up to date (a re-run) leaves the statuses as they are, whatever a wait made of them.
  if (settings.statuses && committed.result === 'committed') await postPending(settings, committed.outcome)
  return outputs
}

/**
 * A pending commit status for each image whose Pod pins the rendered commit (what it built, forced or
 * renamed): the wait's own rule (chooseImages), so every status the wait settles was pending first.
 * Statuses are feedback: nothing here fails the run, whose outputs and summary are written already.
 */
async function postPending(settings: Settings, outcome: RenderOutcome): Promise<void> {
  try {
    const manifest = await readPreviousManifest(outcome.manifest)
    const building = chooseImages(manifest.images.values(), [], settings.commitSha)
    if (building.length === 0) return
    const names = building.map((image) => image.name)
    const statuses = statusPoster(await createApi(settings), settings.commitSha, names, core)
    core.info(`posting a pending commit status for ${building.length} image(s) on ${settings.commitSha.slice(0, 7)}`)
    for (const image of building)
      await statuses.post(image.name, 'pending', `build of tag ${image.image.slice(image.image.lastIndexOf(':') + 1)} pending`)
    statuses.finish()
  } catch (error) {
    core.warning(`No pending commit statuses posted: ${describeError(error)}`)
  }
}
