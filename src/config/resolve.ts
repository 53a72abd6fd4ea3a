import { InputError } from '../common/errors.js'
import { platformNodeSelector } from '../common/platforms.js'
import { configError, locate } from './parse.js'
import type { ImageConfig, ImageEntry, ImageOptions, ImageSettings } from './types.js'

// The config's entries matched to the Dockerfiles found, and each image's settings resolved.

/** The defaults with the image's own settings over them: a key the image sets replaces the default's value. */
function mergeOptions(defaults: ImageOptions, own: ImageOptions): ImageOptions {
  // `platform` and `platforms` say one thing: an image's own either replaces the default's other.
  const { platform, platforms, ...rest } = defaults
  const ownPlatform = own.platform !== undefined || own.platforms !== undefined
  return { ...rest, ...(ownPlatform ? {} : { platform, platforms }), ...own } as ImageOptions
}

/**
 * Matches config entries to the Dockerfiles found: every entry must name one (a typo would otherwise
 * pass silently), and the inline input applies only to a repository with a single Dockerfile.
 */
export function matchConfig(config: ImageConfig, paths: readonly string[]): Map<string, ImageEntry> {
  if (config.source.kind === 'input') {
    const entry = config.images.get('') as ImageEntry
    if (paths.length !== 1) {
      throw new InputError(
        `Input 'image-config' sets the settings of a repository's only image, but ${paths.length} Dockerfiles matched (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}): expected one, or the settings in a config file (input 'config') keyed by Dockerfile path.`,
      )
    }
    return new Map([[paths[0] as string, entry]])
  }
  const found = new Set(paths)
  for (const [dockerfile, entry] of config.images) {
    if (!found.has(dockerfile)) {
      throw configError(
        config.source,
        entry.at,
        `images has an entry for '${dockerfile}', but the 'dockerfiles' patterns matched no such file: expected one of ${paths.slice(0, 10).join(', ')}${paths.length > 10 ? ', ...' : ''}`,
      )
    }
  }
  const entries = new Map<string, ImageEntry>()
  for (const file of paths) {
    const own = config.images.get(file)
    if (own) entries.set(file, { ...own, options: mergeOptions(config.defaults.options, own.options) })
    else if (config.defaults.positions.size > 0) entries.set(file, { ...config.defaults, dockerfile: file })
  }
  return entries
}

/** An entry's settings for the plan; the context folder must hold the Dockerfile (kaniko reads it from the context). */
export function resolveSettings(config: ImageConfig, entry: ImageEntry, file: string, folder: string): ImageSettings {
  const { options, positions } = entry
  const at = (key: Parameters<typeof positions.get>[0]) => positions.get(key) ?? entry.at
  let contextDir = folder
  if (options.context !== undefined) {
    contextDir = options.context
    const inside = contextDir === '' || file.startsWith(`${contextDir}/`)
    if (!inside) {
      throw configError(
        config.source,
        at('context'),
        `images › ${file} › context has the value '${contextDir || '.'}': expected a folder that holds the Dockerfile (${folder || '.'} or one above it)`,
      )
    }
  }
  if (options.platform !== undefined && options.platforms !== undefined) {
    throw configError(
      config.source,
      at('platforms'),
      `images › ${file} sets both platform (${options.platform}) and platforms (${options.platforms.join(', ')}): expected one of them (a list of one platform builds that platform alone)`,
    )
  }
  const settings: ImageSettings = {
    ...(options.name !== undefined ? { name: { value: options.name, at: locate(config.source, at('name')) } } : {}),
    contextDir,
    buildArgs: options.buildArgs ?? {},
    target: options.target ?? '',
    platform: options.platform ?? '',
    extraTags: options.extraTags ?? [],
    ...(options.resources ? { resources: options.resources } : {}),
    nodeSelector: options.nodeSelector ?? {},
    tolerations: options.tolerations ?? [],
  }
  return options.platforms ? withPlatforms(settings, options.platforms) : settings
}

/**
 * The settings of an image built for `platforms` (from the config or the `platforms` input): one
 * platform is the `platform` setting with the platform's node labels over the nodeSelector (the
 * same tag and Pod as `platform` with that nodeSelector); two or more make a multi-arch image.
 */
export function withPlatforms(settings: ImageSettings, platforms: readonly string[]): ImageSettings {
  if (platforms.length === 0) return settings
  if (platforms.length > 1) return { ...settings, platform: '', platforms }
  const platform = platforms[0] as string
  return { ...settings, platform, nodeSelector: sortedSelector({ ...settings.nodeSelector, ...platformNodeSelector(platform) }) }
}

function sortedSelector(selector: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** A target must be a stage of the Dockerfile, or kaniko fails in the cluster long after the render. */
export function checkTarget(
  config: ImageConfig,
  entry: ImageEntry,
  file: string,
  target: string,
  froms: readonly { stage?: string }[],
): void {
  const stages = froms.map((f) => f.stage).filter((s): s is string => s !== undefined)
  if (!stages.includes(target.toLowerCase())) {
    throw configError(
      config.source,
      entry.positions.get('target') ?? entry.at,
      `images › ${file} › target has the value '${target}': expected a stage of ${file}${stages.length > 0 ? ` (${stages.join(', ')})` : ', which names no stage (FROM ... AS <name>)'}`,
    )
  }
}

/** The configured settings that change what is built, for the tag; undefined when there are none. */
export function buildInputs(configured: ImageSettings, folder: string): { key: unknown[]; covers: string } | undefined {
  const args = Object.entries(configured.buildArgs)
  const context = configured.contextDir === folder ? undefined : configured.contextDir
  const { platforms } = configured
  if (args.length === 0 && configured.target === '' && configured.platform === '' && context === undefined && !platforms) return undefined
  const parts = [
    ...(context !== undefined ? [`context ${context || '.'}`] : []),
    ...(configured.target ? [`target ${configured.target}`] : []),
    ...(configured.platform ? [`platform ${configured.platform}`] : []),
    ...(platforms ? [`platforms ${platforms.join(', ')}`] : []),
    ...(args.length > 0 ? [`build args ${args.map(([k]) => k).join(', ')}`] : []),
  ]
  // The platform list enters the key only when there is one: every other image keeps its tag.
  const key = [context ?? null, args, configured.target, configured.platform, ...(platforms ? [platforms] : [])]
  return { key, covers: parts.join(', ') }
}
