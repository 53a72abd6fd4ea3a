import { escapeHtml } from '../gitops/markdown.js'
import { actionsLogger, imageOutputs, type Outputs, writeSummary } from './outputs.js'
import type { Settings } from './settings.js'
import { renderRepository, writeManifest } from './workspace.js'

/** Render mode: renders into the workspace and writes the manifest when it changed. */
export async function runRender(settings: Settings): Promise<Outputs> {
  const outcome = await renderRepository(settings, actionsLogger)
  await writeManifest(settings, outcome, actionsLogger)
  writeSummary(outcome, `<code>${escapeHtml(settings.output)}</code>: ${outcome.changed ? 'changed' : 'unchanged'}`)
  return { ...imageOutputs(settings, outcome), changed: String(outcome.changed), result: 'rendered' }
}
