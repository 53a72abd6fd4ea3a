import { describeError, InputError } from '../common/errors.js'
import { runCommit } from './commit-mode.js'
import { runDiff } from './diff-mode.js'
import { readEvent } from './event.js'
import { resolveMode } from './mode.js'
import { runRender } from './render-mode.js'
import * as core from './runner.js'
import { describeSettings, getSettings } from './settings.js'
import { runWait } from './wait-mode.js'

/** The action's entry point: the one place that catches and reports failure. */
export async function run(): Promise<void> {
  try {
    const settings = getSettings(core.getInput, process.env, readEvent())
    for (const line of describeSettings(settings)) core.debug(line)
    const resolved = resolveMode(settings, process.env.GITHUB_REF ?? '')
    core.info(`kaniko-gitops: ${resolved.reason}`)
    const runMode = { commit: runCommit, diff: runDiff, render: runRender, wait: runWait }[resolved.mode]
    const outputs = await runMode(settings)
    for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, value)
  } catch (error) {
    // An error about a place in a file (the config) is annotated there, so GitHub shows it on the line.
    const at = error instanceof InputError ? error.location : undefined
    core.setFailed(describeError(error), at ? { file: at.file, startLine: at.line, startColumn: at.column } : {})
  }
}
