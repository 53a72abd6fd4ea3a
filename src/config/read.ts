import path from 'node:path'
import { InputError } from '../common/errors.js'
import { explainPathEscape } from '../common/fs-atomic.js'
import { LIMITS } from '../common/limits.js'
import { type FileKind, readRepoFile } from '../common/repo-file.js'
import { parseConfigFile, parseInlineConfig } from './parse.js'
import type { ConfigSource, ImageConfig } from './types.js'

/** What reading the config takes of the settings. */
export interface ConfigSettings {
  /** Absolute path of the repository folder searched. */
  readonly root: string
  /** Where `root` lies in the git repository (POSIX, '' for the top). */
  readonly contextPrefix: string
  /** The config file, relative to `root` ('' for none). */
  readonly config: string
  /** The `image-config` input ('' for none). */
  readonly imageConfig: string
}

const CONFIG_FILE: FileKind = { the: 'the config file', a: 'a config file', limit: LIMITS.configBytes }

/** Reads and parses the config file or the `image-config` input; undefined when neither is set. */
export async function readConfig(settings: ConfigSettings): Promise<ImageConfig | undefined> {
  if (settings.imageConfig !== '') {
    const source: ConfigSource = { kind: 'input', name: 'image-config', annotationPath: '' }
    const entry = await parseInlineConfig(settings.imageConfig, source)
    if (!entry) return undefined
    return { source, defaults: { ...entry, options: {} }, images: new Map([['', entry]]) }
  }
  if (settings.config === '') return undefined
  const file = path.join(settings.root, ...settings.config.split('/'))
  const outside = await explainPathEscape(settings.root, file)
  if (outside)
    throw new InputError(`Input 'config' has the value '${settings.config}': expected a file inside the repository, but ${outside}.`)
  // Checked above to lie inside the repository, and not to be a symlink.
  const text = readRepoFile(file, settings.config, CONFIG_FILE, settings.root)?.toString('utf8')
  if (text === undefined) {
    throw new InputError(
      `Input 'config' has the value '${settings.config}': expected a file in the repository, but there is none at that path.`,
    )
  }
  const annotationPath = settings.contextPrefix ? `${settings.contextPrefix}/${settings.config}` : settings.config
  return parseConfigFile(text, { kind: 'file', name: settings.config, annotationPath })
}
