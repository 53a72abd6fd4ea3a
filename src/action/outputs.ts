import type { Logger } from '../common/log.js'
import type { RenderOutcome } from '../manifest/outcome.js'
import * as core from './runner.js'
import type { Settings } from './settings.js'
import { summaryHtml } from './summary.js'

/** The log of a run in the action: @actions/core's protocol. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (name, fn) => core.group(name, fn),
}

/** The action's outputs, by name. */
export type Outputs = Partial<
  Record<'changed' | 'images' | 'manifest' | 'result' | 'commit-sha' | 'commit-verified' | 'diff' | 'built', string>
>

export function imageOutputs(settings: Settings, outcome: RenderOutcome): Outputs {
  return { images: JSON.stringify(outcome.images), manifest: settings.output }
}

export function writeSummary(outcome: RenderOutcome | undefined, line: string): void {
  core.appendSummary(summaryHtml(outcome, line))
}
