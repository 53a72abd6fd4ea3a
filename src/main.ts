import * as core from '@actions/core'
import { describeError } from './errors.js'
import { resolveMode } from './mode.js'
import { type Logger, type RenderOutcome, renderRepository, writeManifest } from './render.js'
import { getSettings, type Settings } from './settings.js'
import { imageRows, TABLE_HEADER } from './summary.js'

const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (name, fn) => core.group(name, fn),
}

/** The action's entry point: the one place that catches and reports failure. */
export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    const resolved = resolveMode(settings.mode, process.env.GITHUB_EVENT_NAME ?? '')
    core.info(`kaniko-gitops: ${resolved.reason}`)
    const outcome = await renderRepository(settings, actionsLogger)
    await writeManifest(settings, outcome, actionsLogger)
    setOutputs(settings, outcome)
    await writeSummary(settings, outcome)
  } catch (error) {
    core.setFailed(describeError(error))
  }
}

function setOutputs(settings: Settings, outcome: RenderOutcome): void {
  const outputs: Record<string, string> = {
    changed: String(outcome.changed),
    images: JSON.stringify(outcome.images),
    manifest: settings.output,
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

async function writeSummary(settings: Settings, outcome: RenderOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading('kaniko-gitops', 2)
    .addRaw(
      `<p><code>${escapeHtml(settings.output)}</code>: ${outcome.changed ? 'changed' : 'unchanged'}, ${outcome.images.length} image(s)</p>`,
    )
    .addTable([
      TABLE_HEADER.map((h) => ({ data: h, header: true })),
      ...imageRows(outcome).map((row) => row.map((cell) => escapeHtml(cell))),
    ])
    .write()
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
