import { getInput } from '../../src/action/runner.js'
import { getSettings, type Settings } from '../../src/action/settings.js'
import { currentCode, renderRepository, writeManifest } from '../../src/action/workspace.js'
import type { Logger } from '../../src/common/log.js'
import type { RenderOutcome } from '../../src/manifest/outcome.js'
import { githubEnv, inputEnv, withEnv } from './action-env.js'

/** A Logger that keeps what it was told. */
export function memoryLogger(): Logger & { infos: string[]; warnings: string[]; groups: string[] } {
  const log = {
    infos: [] as string[],
    warnings: [] as string[],
    groups: [] as string[],
    info: (m: string) => void log.infos.push(m),
    warning: (m: string) => void log.warnings.push(m),
    async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
      log.groups.push(name)
      return fn()
    },
  }
  return log
}

/** Settings as the action builds them from INPUT_* and GITHUB_* for a repository in `dir`. */
export function settingsFor(dir: string, inputs: Record<string, string> = {}, github: Record<string, string> = {}): Promise<Settings> {
  return withEnv({ ...inputEnv({ registry: 'registry.example.com/acme', ...inputs }), ...githubEnv(dir, github) }, () =>
    getSettings(getInput, process.env),
  )
}

/** Renders and writes like the action's render mode. */
export async function renderIn(
  dir: string,
  inputs: Record<string, string> = {},
  github: Record<string, string> = {},
): Promise<RenderOutcome & { log: ReturnType<typeof memoryLogger> }> {
  const settings = await settingsFor(dir, inputs, github)
  const log = memoryLogger()
  const outcome = await renderRepository(settings, log)
  await writeManifest(settings, outcome, log)
  return { ...outcome, log }
}

/** The code that renders, as the action reads it: the scripts of templates/ and this code's identity. */
export const CODE = currentCode()
